using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PriceGen.Analysis;

/// <summary>
/// The parameters, properties and fields that receive a model id, resolved to symbols once per compilation:
/// <c>[PriceGen.ModelId]</c>, PriceGen's generated lookups, the OpenAI .NET SDK, the official Anthropic SDK,
/// Microsoft.Extensions.AI, Semantic Kernel, and the <c>pricegen.model_id_sinks</c> option. Matching is by symbol and parameter name, never by position.
/// </summary>
internal sealed class ModelIdSinks
{
    /// <summary>
    /// The <c>.editorconfig</c> key for extra sinks: documentation-comment ids separated by <c>;</c>, <c>|</c> or
    /// spaces, each method with <c>#parameter</c> or <c>@parameter</c>. Roslyn's .editorconfig reader treats
    /// <c>#</c> and <c>;</c> in a value as the start of a comment, so there only <c>|</c>, spaces and <c>@</c>
    /// survive; a method left without a parameter name sinks its parameters named like a model (model, modelId…).
    /// </summary>
    public const string ExtraSinksOption = "pricegen.model_id_sinks";

    private static readonly char[] EntrySeparators = { ';', '|', ' ', '\t' };
    private static readonly char[] ParameterMarkers = { '#', '@' };

    private static readonly string[] OpenAIModelClients =
    {
        "OpenAI.Chat.ChatClient", "OpenAI.Embeddings.EmbeddingClient", "OpenAI.Images.ImageClient", "OpenAI.Audio.AudioClient",
    };

    /// <summary>Methods that make a client for one model: (type, method, the model's parameter).</summary>
    private static readonly (string Type, string Method, string Parameter)[] ModelClientFactories =
    {
        ("OpenAI.OpenAIClient", "GetChatClient", "model"),
        ("OpenAI.OpenAIClient", "GetEmbeddingClient", "model"),
        ("OpenAI.OpenAIClient", "GetImageClient", "model"),
        ("OpenAI.OpenAIClient", "GetAudioClient", "model"),

        // The official Anthropic SDK's IChatClient, an extension method: client.AsIChatClient("claude-sonnet-4-5").
        ("Microsoft.Extensions.AI.AnthropicClientExtensions", "AsIChatClient", "defaultModelId"),
        ("Microsoft.Extensions.AI.AnthropicBetaClientExtensions", "AsIChatClient", "defaultModelId"),
    };

    /// <summary>Properties that hold the model of a request or of options: (type, property).</summary>
    private static readonly (string Type, string Property)[] ModelProperties =
    {
        ("Microsoft.Extensions.AI.ChatOptions", "ModelId"),
        ("Microsoft.Extensions.AI.EmbeddingGenerationOptions", "ModelId"),

        // The OpenAI SDK's Responses API takes its model per request: new CreateResponseOptions { Model = "gpt-4o" }.
        ("OpenAI.Responses.CreateResponseOptions", "Model"),

        // The official Anthropic SDK's requests: new MessageCreateParams { Model = "claude-sonnet-4-5", … }.
        ("Anthropic.Models.Messages.MessageCreateParams", "Model"),
        ("Anthropic.Models.Messages.MessageCountTokensParams", "Model"),
        ("Anthropic.Models.Messages.Batches.Params", "Model"),
        ("Anthropic.Models.Beta.Messages.MessageCreateParams", "Model"),
        ("Anthropic.Models.Beta.Messages.MessageCountTokensParams", "Model"),
        ("Anthropic.Models.Beta.Messages.Batches.Params", "Model"),
    };

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _modelIdAttribute;
    private readonly HashSet<ISymbol> _sinks = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableHashSet<ISymbol>> _extraSinksByOption = new(StringComparer.Ordinal);

    // Per compilation, one decision per parameter or member: the same few methods take thousands of arguments, and
    // each decision reads attributes and namespaces. Only for trees without the extra-sinks option, the common case.
    private readonly ConcurrentDictionary<ISymbol, bool> _parameterDecisions = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _memberDecisions = new(SymbolEqualityComparer.Default);

    public ModelIdSinks(Compilation compilation)
    {
        _compilation = compilation;
        _modelIdAttribute = compilation.GetTypeByMetadataName("PriceGen.ModelIdAttribute");
        foreach (var typeName in OpenAIModelClients)
        {
            foreach (var constructor in compilation.GetTypeByMetadataName(typeName)?.InstanceConstructors ?? ImmutableArray<IMethodSymbol>.Empty)
            {
                AddParameters(constructor, "model");
            }
        }

        foreach (var (typeName, methodName, parameter) in ModelClientFactories)
        {
            foreach (var method in (compilation.GetTypeByMetadataName(typeName)?.GetMembers(methodName) ?? ImmutableArray<ISymbol>.Empty).OfType<IMethodSymbol>())
            {
                AddParameters(method, parameter);
            }
        }

        foreach (var (typeName, propertyName) in ModelProperties)
        {
            foreach (var property in compilation.GetTypeByMetadataName(typeName)?.GetMembers(propertyName) ?? ImmutableArray<ISymbol>.Empty)
            {
                _sinks.Add(property);
            }
        }
    }

    /// <summary><c>PriceGen.ModelIdAttribute</c>, when the compilation can see it.</summary>
    public INamedTypeSymbol? ModelIdAttribute => _modelIdAttribute;

    /// <summary>The SDK parameters and properties known by name (OpenAI's and Anthropic's clients and requests, Microsoft.Extensions.AI's options).</summary>
    public IEnumerable<ISymbol> KnownSinks => _sinks;

    /// <summary>Whether the parameter receives a model id; <paramref name="extraSinksOption"/> is the option value for the tree.</summary>
    public bool IsSink(IParameterSymbol parameter, string? extraSinksOption)
    {
        var definition = Unreduced(parameter).OriginalDefinition;
        return extraSinksOption is null
            ? _parameterDecisions.GetOrAdd(definition, p => DecideParameter((IParameterSymbol)p, null))
            : DecideParameter(definition, extraSinksOption);
    }

    /// <summary>
    /// An extension method called on its receiver (<c>client.AsIChatClient("…")</c>) binds to a reduced method whose
    /// parameters leave out <c>this</c> and are other symbols: the declared method's parameter is the one listed.
    /// </summary>
    private static IParameterSymbol Unreduced(IParameterSymbol parameter) =>
        parameter.ContainingSymbol is IMethodSymbol { ReducedFrom: { } declared } && parameter.Ordinal + 1 < declared.Parameters.Length
            ? declared.Parameters[parameter.Ordinal + 1]
            : parameter;

    /// <summary>Whether the property or field receives a model id.</summary>
    public bool IsSink(ISymbol member, string? extraSinksOption) =>
        extraSinksOption is null
            ? _memberDecisions.GetOrAdd(member.OriginalDefinition, m => DecideMember(m, null))
            : DecideMember(member.OriginalDefinition, extraSinksOption);

    private bool DecideParameter(IParameterSymbol definition, string? extraSinksOption)
    {
        if (IsAzureDeployment(definition))
        {
            return false; // an Azure OpenAI deployment name is the user's own name for a deployment, not a model id
        }

        return _sinks.Contains(definition) ||
            HasModelIdAttribute(definition) ||
            IsGeneratedLookup(definition) ||
            IsSemanticKernelRegistration(definition) ||
            ExtraSinks(extraSinksOption).Contains(definition);
    }

    private bool DecideMember(ISymbol definition, string? extraSinksOption)
    {
        if (definition.Name.IndexOf("Deployment", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        return _sinks.Contains(definition) || HasModelIdAttribute(definition) || ExtraSinks(extraSinksOption).Contains(definition);
    }

    /// <summary>
    /// <c>deploymentName</c>, <c>deploymentOrModelName</c> (Azure.AI.OpenAI 1.x), <c>DeploymentName</c>, and any
    /// parameter of Azure.AI.OpenAI or of Semantic Kernel's Azure OpenAI connectors other than an explicit <c>modelId</c>.
    /// </summary>
    private static bool IsAzureDeployment(IParameterSymbol parameter)
    {
        if (parameter.Name.IndexOf("deployment", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var ns = parameter.ContainingSymbol?.ContainingType?.ContainingNamespace?.ToDisplayString();
        var method = parameter.ContainingSymbol as IMethodSymbol;
        return parameter.Name != "modelId" &&
            ((ns is not null && (ns == "Azure.AI.OpenAI" || ns.StartsWith("Azure.AI.OpenAI.", StringComparison.Ordinal))) ||
             (method?.Name.IndexOf("AzureOpenAI", StringComparison.Ordinal) >= 0));
    }

    private void AddParameters(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters.Where(p => p.Name == name))
        {
            _sinks.Add(parameter.OriginalDefinition);
        }
    }

    private bool HasModelIdAttribute(ISymbol symbol) =>
        _modelIdAttribute is not null &&
        symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _modelIdAttribute));

    /// <summary>The <c>id</c> of <c>TryGetModel</c>/<c>GetModel</c> on a class PriceGen generated.</summary>
    private static bool IsGeneratedLookup(IParameterSymbol parameter) =>
        parameter.Name == "id" &&
        parameter.ContainingSymbol is IMethodSymbol { Name: "TryGetModel" or "GetModel", ContainingType: { } type } &&
        type.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute" &&
            a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is "PriceGen");

    /// <summary>
    /// The prefixes of Semantic Kernel's registrations whose <c>modelId</c> is a priced provider's model id: OpenAI,
    /// Azure OpenAI (its <c>modelId</c>, not the deployment), Google's Gemini (AI Studio and Vertex AI) and Mistral.
    /// Not Ollama, ONNX or Hugging Face: local models have no price to check against.
    /// </summary>
    private static readonly string[] SemanticKernelRegistrationPrefixes =
    {
        "AddOpenAI", "AddAzureOpenAI", "AddGoogleAI", "AddVertexAI", "AddMistral",
    };

    /// <summary>Whether a method of this name may be a registration whose <c>modelId</c> is a sink (a name-only pre-filter).</summary>
    public static bool MayBeSemanticKernelRegistration(string methodName)
    {
        foreach (var prefix in SemanticKernelRegistrationPrefixes)
        {
            if (methodName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>modelId</c> of Semantic Kernel's registrations (<see cref="SemanticKernelRegistrationPrefixes"/>).</summary>
    private static bool IsSemanticKernelRegistration(IParameterSymbol parameter) =>
        parameter.Name == "modelId" &&
        parameter.ContainingSymbol is IMethodSymbol { ContainingType: { } type } method &&
        MayBeSemanticKernelRegistration(method.Name) &&
        type.ContainingNamespace?.ToDisplayString() is { } ns &&
        (ns == "Microsoft.SemanticKernel" || ns.StartsWith("Microsoft.SemanticKernel.", StringComparison.Ordinal) ||
            (ns == "Microsoft.Extensions.DependencyInjection" && NamesRegisteredProvider(type.Name)));

    /// <summary>A type named for a provider of <see cref="SemanticKernelRegistrationPrefixes"/> (<c>GoogleAIServiceCollectionExtensions</c>).</summary>
    private static bool NamesRegisteredProvider(string typeName)
    {
        foreach (var prefix in SemanticKernelRegistrationPrefixes)
        {
            if (typeName.IndexOf(prefix.Substring("Add".Length), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableHashSet<ISymbol> ExtraSinks(string? option) =>
        string.IsNullOrWhiteSpace(option)
            ? ImmutableHashSet<ISymbol>.Empty
            : _extraSinksByOption.GetOrAdd(option!, Resolve);

    private ImmutableHashSet<ISymbol> Resolve(string option)
    {
        var symbols = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var entry in option.Split(EntrySeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var marker = entry.IndexOfAny(ParameterMarkers);
            var id = marker < 0 ? entry : entry.Substring(0, marker);
            var parameterName = marker < 0 ? null : entry.Substring(marker + 1);
            foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, _compilation))
            {
                if (symbol is IMethodSymbol method)
                {
                    symbols.UnionWith(method.Parameters
                        .Where(p => parameterName is null ? p.Name.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0 : p.Name == parameterName)
                        .Select(p => (ISymbol)p.OriginalDefinition));
                }
                else
                {
                    symbols.Add(symbol.OriginalDefinition);
                }
            }
        }

        return symbols.ToImmutable();
    }
}
