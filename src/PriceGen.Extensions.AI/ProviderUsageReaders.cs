using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PriceGen.Extensions.AI;

/// <summary>Finds the reader of a raw response: one registered in the options, else the provider package named after its assembly.</summary>
internal sealed class ProviderUsageReaders
{
    // Per provider assembly, for the process: the package is looked for once, present or not.
    private static readonly ConcurrentDictionary<Assembly, ProviderUsageReader[]> Discovered = new();

    private readonly IReadOnlyList<ProviderUsageReader> _registered;

    public ProviderUsageReaders(IEnumerable<ProviderUsageReader>? registered) =>
        _registered = registered?.Where(r => r is not null).ToArray() ?? Array.Empty<ProviderUsageReader>();

    public ProviderUsageReader? For(object? rawRepresentation)
    {
        if (rawRepresentation is null)
        {
            return null;
        }

        foreach (var reader in _registered)
        {
            if (reader.CanRead(rawRepresentation))
            {
                return reader;
            }
        }

        foreach (var reader in Discovered.GetOrAdd(rawRepresentation.GetType().Assembly, Discover))
        {
            if (reader.CanRead(rawRepresentation))
            {
                return reader;
            }
        }

        return null;
    }

    /// <summary>The readers of <c>PriceGen.Extensions.AI.{provider assembly}</c>, when the application references that package.</summary>
    private static ProviderUsageReader[] Discover(Assembly provider)
    {
        var name = provider.GetName().Name;
        if (string.IsNullOrEmpty(name) || name!.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return Array.Empty<ProviderUsageReader>();
        }

        Assembly package;
        try
        {
            package = Assembly.Load(new AssemblyName(typeof(ProviderUsageReaders).Assembly.GetName().Name + "." + name));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return Array.Empty<ProviderUsageReader>();
        }

        return package.GetCustomAttributes<ProviderUsageReaderAttribute>()
            .Select(a => Activator.CreateInstance(a.ReaderType) as ProviderUsageReader ??
                throw new InvalidOperationException(a.ReaderType + ", named by " + package.GetName().Name + ", is not a " + nameof(ProviderUsageReader) + "."))
            .ToArray();
    }
}
