using System;
using System.Collections.Generic;

namespace PriceGen.Extensions.AI;

/// <summary>
/// Reads from a provider's raw response what <see cref="Microsoft.Extensions.AI.UsageDetails"/> loses, such as
/// Anthropic's split of cache writes into 5-minute and 1-hour writes. A provider's package
/// (<c>PriceGen.Extensions.AI.Anthropic</c>) ships one and names it with <see cref="ProviderUsageReaderAttribute"/>;
/// the middleware looks for the package named after the raw response's assembly (<c>PriceGen.Extensions.AI.</c> +
/// <c>Anthropic</c>), so a reference to that package is all it takes. <see cref="CostTrackingOptions.UsageReaders"/>
/// registers one explicitly (for trimmed or AOT applications, or a provider of your own).
/// </summary>
public abstract class ProviderUsageReader
{
    /// <summary>
    /// Whether <paramref name="rawRepresentation"/> is a response or streamed event of this provider that reports usage
    /// (a cheap type test). Of a stream, the middleware keeps only the events this accepts.
    /// </summary>
    public abstract bool CanRead(object rawRepresentation);

    /// <summary>
    /// The usage of one report: <paramref name="reported"/>, read from <c>UsageDetails</c>, refined with what
    /// <paramref name="rawRepresentations"/> (the response, or the stream's usage events so far, in order) say.
    /// Return <paramref name="reported"/> when they say nothing more.
    /// </summary>
    public abstract Usage Read(Usage reported, IReadOnlyList<object> rawRepresentations);
}

/// <summary>Names the <see cref="ProviderUsageReader"/> of a provider package, found by the middleware at run time.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ProviderUsageReaderAttribute : Attribute
{
    /// <summary>Names <paramref name="readerType"/>, a <see cref="ProviderUsageReader"/> with a public parameterless constructor.</summary>
    public ProviderUsageReaderAttribute(Type readerType) => ReaderType = readerType ?? throw new ArgumentNullException(nameof(readerType));

    /// <summary>The reader's type.</summary>
    public Type ReaderType { get; }
}
