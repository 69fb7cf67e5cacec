using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PriceGen.Analysis;
using PriceGen.CodeFixes;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>PRICE002 and PRICE003 at every model-id sink, matched by symbol and parameter name.</summary>
public class ModelIdTests
{
    private const string Usings = "using System;\nusing PriceGen;\nusing My.Pricing;\n";

    // Look-alikes of the SDK types, with the same full names as the real ones.
    private const string Sdks = """

        namespace OpenAI
        {
            public class OpenAIClient
            {
                public OpenAI.Chat.ChatClient GetChatClient(string model) => null!;
                public OpenAI.Embeddings.EmbeddingClient GetEmbeddingClient(string model) => null!;
                public OpenAI.Images.ImageClient GetImageClient(string model) => null!;
                public OpenAI.Audio.AudioClient GetAudioClient(string model) => null!;
            }
        }
        namespace OpenAI.Chat { public class ChatClient { public ChatClient(string model, string apiKey) { } protected ChatClient() { } } }
        namespace OpenAI.Embeddings { public class EmbeddingClient { public EmbeddingClient(string model, string apiKey) { } } }
        namespace OpenAI.Images { public class ImageClient { public ImageClient(string model, string apiKey) { } } }
        namespace OpenAI.Audio { public class AudioClient { public AudioClient(string model, string apiKey) { } } }
        namespace Microsoft.Extensions.AI
        {
            public class ChatOptions { public string? ModelId { get; set; } public string? Instructions { get; set; } }
            public class EmbeddingGenerationOptions { public string? ModelId { get; set; } }
        }
        namespace Microsoft.SemanticKernel
        {
            public interface IKernelBuilder { }
            public static class OpenAIKernelBuilderExtensions
            {
                public static IKernelBuilder AddOpenAIChatCompletion(this IKernelBuilder builder, string modelId, string apiKey, string? orgId = null) => builder;
            }
            public static class GoogleAIKernelBuilderExtensions
            {
                public static IKernelBuilder AddGoogleAIGeminiChatCompletion(this IKernelBuilder builder, string modelId, string apiKey, string? serviceId = null) => builder;
            }
            public static class MistralAIKernelBuilderExtensions
            {
                public static IKernelBuilder AddMistralChatCompletion(this IKernelBuilder builder, string modelId, string apiKey) => builder;
            }
            public static class OllamaKernelBuilderExtensions
            {
                public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, string modelId, string endpoint) => builder;
            }
        }
        """;

    private static Task Verify(string body) => AnalyzerHarness.Test<ModelIdAnalyzer>(Usings + body + Sdks).RunAsync();

    [Fact]
    public Task ModelId_attribute_parameter_property_and_field() => Verify("""
        class Client
        {
            public void Send([ModelId] string model, string text) { }
            [ModelId] public string? Model { get; set; }
            [ModelId] public string? Fallback;
        }
        class User
        {
            void M(Client c)
            {
                c.Send({|PRICE002:"gpt-3.5-turob"|}, "gpt-3.5-turob");
                c.Send(text: "x", model: {|PRICE002:"gpt-4x"|});
                c.Model = {|PRICE002:"text-davinci-004"|};
                c.Fallback = {|PRICE002:"whisper-2"|};
                _ = new Client { Model = {|PRICE002:"dall-e-3"|} };
            }
        }
        """);

    [Fact]
    public Task Constants_and_concatenations_are_checked() => Verify("""
        class Client { public void Send([ModelId] string model) { } }
        class User
        {
            const string Family = "gpt-3.5";
            const string Typo = "gpt-3.5-turob";
            void M(Client c) { c.Send({|PRICE002:Typo|}); c.Send({|PRICE002:Family + "-turbo-16k"|}); c.Send(Family + "-turbo"); }
        }
        """);

    [Fact]
    public Task Aliases_and_snapshots_the_catalog_resolves_are_known_ids() => Verify("""
        class User
        {
            void M(OpenAI.OpenAIClient client)
            {
                _ = client.GetChatClient("gpt-35-turbo");                 // Azure's spelling: an alias
                _ = client.GetChatClient("gpt-3.5-turbo-0301");           // snapshots: dated, -MMDD
                _ = client.GetChatClient("gpt-3.5-turbo-2023-03-01");     // -YYYY-MM-DD
                _ = client.GetChatClient({|PRICE002:"gpt-3.5-turbo-1301"|}); // not a date
                _ = client.GetChatClient({|PRICE002:"text-ada-001-0301"|});  // a model without dated snapshots
            }
        }
        """);

    [Fact]
    public Task Default_values_and_initializers_of_sinks() => Verify("""
        class Client
        {
            public void Send([ModelId] string model = {|PRICE002:"gpt-3.5-turob"|}) { }
            [ModelId] public string Model { get; set; } = {|PRICE002:"gtp-3.5-turbo"|};
        }
        """);

    [Fact]
    public Task OpenAI_sdk_constructors_factories_and_base_calls() => Verify("""
        class User
        {
            void M(OpenAI.OpenAIClient client)
            {
                _ = new OpenAI.Chat.ChatClient({|PRICE002:"gpt-3.5-turob"|}, "key");
                _ = new OpenAI.Chat.ChatClient(apiKey: "gpt-3.5-turob", model: {|PRICE002:"gpt-35-turbp"|});
                _ = new OpenAI.Embeddings.EmbeddingClient({|PRICE002:"text-embedding-ada-003"|}, "key");
                _ = new OpenAI.Images.ImageClient({|PRICE002:"dall-e-3"|}, "key");
                _ = new OpenAI.Audio.AudioClient({|PRICE002:"whisper-2"|}, "key");
                _ = client.GetChatClient({|PRICE002:"gpt-3.5-turbo-1301"|});
                _ = client.GetEmbeddingClient({|PRICE002:"ada-002"|});
                _ = client.GetImageClient({|PRICE002:"dalle-2"|});
                _ = client.GetAudioClient({|PRICE002:"whisper"|});
            }
        }
        class MyChat : OpenAI.Chat.ChatClient
        {
            public MyChat() : base({|PRICE002:"gpt-3.5-turbp"|}, "key") { }
        }
        """);

    [Fact]
    public Task Extensions_AI_options_and_Semantic_Kernel_registrations() => Verify("""
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        class User
        {
            void M(IKernelBuilder builder)
            {
                _ = new ChatOptions { ModelId = {|PRICE002:"gpt-3.5-turob"|}, Instructions = "gpt-3.5-turob" };
                var options = new EmbeddingGenerationOptions();
                options.ModelId = {|PRICE002:"text-embedding-ada-02"|};
                builder.AddOpenAIChatCompletion({|PRICE002:"gpt-3.5-turbo-instruct"|}, "key", orgId: "gpt-3.5-turob");
                builder.AddGoogleAIGeminiChatCompletion(modelId: {|PRICE002:"gemini-2.0-pro-vision"|}, apiKey: "key", serviceId: "gemini-fast");
                builder.AddMistralChatCompletion({|PRICE002:"mistral-larg-latest"|}, "key");
                builder.AddOllamaChatCompletion("llama3.2", "http://localhost:11434"); // a local model: nothing to price
            }
        }
        """);

    [Fact]
    public Task Same_names_outside_the_sdks_are_not_sinks() => Verify("""
        namespace Other
        {
            class ChatClient { public ChatClient(string model, string apiKey) { } }
            class ChatOptions { public string? ModelId { get; set; } }
            class User
            {
                void M() { _ = new ChatClient("gpt-3.5-turob", "key"); _ = new ChatOptions { ModelId = "gpt-3.5-turob" }; Send("gpt-3.5-turob"); }
                void Send(string model) { }
            }
        }
        """);

    [Fact]
    public Task Generated_lookups_are_sinks() => Verify("""
        class User
        {
            ModelPrice M() => OpenAIPrices.GetModel({|PRICE002:"gpt-3.5-turob"|});
            bool N() => OpenAIPrices.TryGetModel({|PRICE002:"davinci-003"|}, out _);
        }
        """);

    [Theory]
    [InlineData("M:My.Client.Send(System.String,System.String)@model | P:My.Client.Engine")]
    [InlineData("M:My.Client.Send(System.String,System.String)@model P:My.Client.Engine")]
    [InlineData("P:My.Client.Engine M:My.Client.Send(System.String,System.String)#model; the rest is an .editorconfig comment")]
    public Task Extra_sinks_from_editorconfig(string sinks)
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(Usings + """
            namespace My
            {
                public class Client
                {
                    public void Send(string model, string text) { }
                    public string? Engine { get; set; }
                }
                class User { void M(Client c) { c.Send({|PRICE002:"gpt-3.5-turob"|}, "gpt-3.5-turob"); c.Engine = {|PRICE002:"curie-001"|}; } }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\npricegen.model_id_sinks = {sinks}\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_suggests_the_closest_id()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|#0:\"gpt-3.5-turob\"|}); Send({|#1:\"GPT-3.5-TURBO\"|}); Send({|#2:\"llama-3-70b\"|}); } }");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE002", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("'gpt-3.5-turob' is not a model in the price catalogs; did you mean 'gpt-3.5-turbo'?"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE002", DiagnosticSeverity.Warning).WithLocation(1)
            .WithMessage("'GPT-3.5-TURBO' is not a model in the price catalogs; did you mean 'gpt-3.5-turbo'?"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE002", DiagnosticSeverity.Warning).WithLocation(2)
            .WithMessage("'llama-3-70b' is not a model in the price catalogs"));
        return test.RunAsync();
    }

    [Fact]
    public Task Message_suggests_a_models_own_id_before_an_alias_as_close()
    {
        // "claude-sonnet-45-2" is two edits from claude-sonnet-4-5 and from claude-sonnet-4's alias claude-sonnet-4-0.
        var anthropic = "pricegen: 1\nprovider: Anthropic\ncurrency: USD\neffective: 2026-03-01\nchat:\n" +
            "  claude-sonnet-4: { aliases: [claude-sonnet-4-0], input: 3 / 1M tokens, output: 15 / 1M tokens }\n" +
            "  claude-sonnet-4-5: { input: 3 / 1M tokens, output: 15 / 1M tokens }\n";
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|#0:\"claude-sonnet-45-2\"|}); } }",
            ("/0/anthropic.prices.yaml", anthropic));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("PRICE002", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("'claude-sonnet-45-2' is not a model in the price catalogs; did you mean 'claude-sonnet-4-5'?"));
        return test.RunAsync();
    }

    [Fact]
    public Task Known_literal_ids_get_PRICE003_and_constants_do_not() => Verify("""
        class Client { public void Send([ModelId] string model) { } }
        class User
        {
            const string Model = "whisper-1";
            void M(Client c) { c.Send({|PRICE003:"gpt-3.5-turbo"|}); c.Send(Model); c.Send(OpenAIPrices.Chat.Gpt35Turbo.Id); }
        }
        """);

    [Fact]
    public Task Ids_of_every_catalog_are_known()
    {
        var acme = "pricegen: 1\nprovider: Acme AI\ncurrency: EUR\neffective: 2026-01-01\nchat:\n  acme-1: { usage: 0.37 / 1M tokens }\n";
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE003:\"acme-1\"|}); Send({|PRICE003:\"whisper-1\"|}); Send({|PRICE002:\"acme-2\"|}); } }",
            (AnalyzerHarness.CatalogPath, Paths.ReferenceCatalog),
            ("/0/acme.prices.yaml", acme));
        return test.RunAsync();
    }

    [Fact]
    public Task No_catalog_no_diagnostics()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(
            "using PriceGen;\nclass Client { public void Send([ModelId] string model) { } void M() { Send(\"gpt-3.5-turob\"); } }",
            ("/0/readme.txt", "not a catalog"));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_replaces_a_typo_with_the_generated_constant() =>
        AnalyzerHarness.Test<ModelIdAnalyzer, ModelIdCodeFixProvider>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE002:\"gpt-3.5-turob\"|}); } }",
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send(OpenAIPrices.Chat.Gpt35Turbo.Id); } }").RunAsync();

    [Fact]
    public Task Fix_replaces_a_typo_with_the_suggested_literal()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer, ModelIdCodeFixProvider>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE002:\"gpt-3.5-turob\"|}); } }",
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE003:\"gpt-3.5-turbo\"|}); } }");
        test.CodeActionEquivalenceKey = ModelIdCodeFixProvider.UseLiteralKey;
        test.CodeActionIndex = 1;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_uses_the_constant_in_a_case_label_and_default_value() =>
        AnalyzerHarness.Test<ModelIdAnalyzer, ModelIdCodeFixProvider>(
            Usings + "class Client { public void Send([ModelId] string model = {|PRICE003:\"whisper-1\"|}) { } }",
            Usings + "class Client { public void Send([ModelId] string model = OpenAIPrices.Audio.Whisper.Id) { } }").RunAsync();

    [Fact]
    public Task Fix_all_in_solution()
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer, ModelIdCodeFixProvider>(
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send({|PRICE003:\"gpt-3.5-turbo\"|}); Send({|PRICE003:\"whisper-1\"|}); Send({|PRICE002:\"dall-e-22\"|}); } }",
            Usings + "class Client { public void Send([ModelId] string model) { } void M() { Send(OpenAIPrices.Chat.Gpt35Turbo.Id); Send(OpenAIPrices.Audio.Whisper.Id); Send(OpenAIPrices.Image.DallE.Id); } }");
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        return test.RunAsync();
    }
}
