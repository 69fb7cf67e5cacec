using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PriceGen.Analysis;
using PriceGen.Tests.Infrastructure;
using Xunit;

namespace PriceGen.Tests.Analysis;

/// <summary>
/// The ModelIdAnalyzer decides on names before it binds anything (a call of <c>Send</c> is bound only where some
/// <c>Send</c> takes a model id at that position; a constant is bound only when it may hold a reportable id). These are
/// the shapes where a name alone could mislead: each must still be reported, or stay silent, as the bound symbol says.
/// </summary>
public class ModelIdSinkNameTests
{
    private const string Usings = "using System;\nusing PriceGen;\n";

    [Fact]
    public Task Extension_calls_named_arguments_out_of_order_and_target_typed_constructors() => Verify("""
        static class Extensions { public static void Ask(this string prompt, int retries, [ModelId] string model) { } }
        class Client { public Client(string name, [ModelId] string model) { } }
        record Agent(string Name, [property: ModelId] [ModelId] string Model);
        class User
        {
            void M()
            {
                "hi".Ask(1, {|PRICE002:"gpt-3.5-turob"|});
                "hi".Ask(model: {|PRICE002:"gpt-4x"|}, retries: 2);
                "hi".Ask(1, "gpt-3.5-turbo-0301");
                Client c = new("gpt-3.5-turob", {|PRICE002:"gpt-35-turbp"|});
                _ = new Client("gpt-3.5-turob", {|PRICE002:"davinci-004"|});
                _ = new Agent("gpt-3.5-turob", {|PRICE002:"whisper-2"|});
                Client d = new(name: "x", model: {|PRICE002:"dall-e-4"|});
            }
        }
        """);

    [Fact]
    public Task A_local_constant_hides_a_field_constant_of_the_same_name() => Verify("""
        class Client { public void Send([ModelId] string model) { } }
        class Defaults { public const string Chat = "gpt-3.5-turbo"; }
        class User
        {
            void M(Client c)
            {
                const string Chat = "gpt-3.5-turob";
                c.Send({|PRICE002:Chat|});
                c.Send(Defaults.Chat);
            }
            void N(Client c) => c.Send(Defaults.Chat);
        }
        """);

    [Fact]
    public Task Parameters_and_variables_hide_a_constant_of_their_name() => Verify("""
        class Client { public void Send([ModelId] string model) { } }
        class User
        {
            const string Model = "gpt-3.5-turob";
            void M(Client c, string Model) => c.Send(Model);
            void N(Client c) => c.Send({|PRICE002:Model|});
            void O(Client c) { foreach (var Model in new[] { "x" }) { c.Send(Model); } }
            void P(Client c) { string Model = "x"; c.Send(Model); }
            void Q(Client c) { System.Action<string> send = Model => c.Send(Model); c.Send({|PRICE002:Model|}); }
            void R(Client c) { if (int.TryParse("1", out var Model)) { } c.Send({|PRICE002:User.Model|}); }
        }
        """);

    [Fact]
    public Task A_name_that_is_a_quiet_constant_somewhere_and_an_unknown_id_elsewhere_is_bound() => Verify("""
        class Client { public void Send([ModelId] string model) { } }
        class A { public const string Model = "gpt-3.5-turbo"; }
        class B { public const string Model = "text-davinci-004"; }
        class User { void M(Client c) { c.Send(A.Model); c.Send({|PRICE002:B.Model|}); } }
        """);

    [Fact]
    public Task Sinks_and_constants_of_a_referenced_library() => Verify(
        """
        class User
        {
            void M(Library.Client c)
            {
                c.Send({|PRICE002:"gpt-3.5-turob"|}, "prompt");
                c.Send({|PRICE002:Library.Models.Typo|}, "prompt");
                c.Send(Library.Models.Chat, "gpt-3.5-turob");
                c.Model = {|PRICE002:"davinci-004"|};
            }
        }
        """,
        Library("""
            namespace Library
            {
                public class Client { public void Send([PriceGen.ModelId] string model, string prompt) { } [PriceGen.ModelId] public string Model { get; set; } = ""; }
                public static class Models { public const string Typo = "gpt-3.5-turob"; public const string Chat = "gpt-3.5-turbo"; }
            }
            """));

    [Fact]
    public Task Strings_elsewhere_are_not_bound_into_reports() => Verify("""
        class Client { public void Send([ModelId] string model, string prompt) { } public void Log(string text) { } }
        class User
        {
            const string Chat = "gpt-3.5-turbo";
            string field = "gpt-3.5-turob";
            void M(Client c)
            {
                c.Send(Chat, "gpt-3.5-turob");
                c.Log("gpt-3.5-turob");
                var tuple = ("gpt-3.5-turob", 1);
                string local = "gpt-3.5-turob";
                Console.WriteLine(nameof(Chat));
            }
        }
        """);

    [Fact]
    public Task A_declared_sink_needs_an_attribute_that_can_be_ModelId_and_aliases_of_it_count() => Verify("""
        class Client
        {
            public void Send([System.ComponentModel.Description("model")] string model) { }
            public void Ask([MI] string model) { }
            public void Tell([PriceGen.ModelIdAttribute] string model) { }
            [global::PriceGen.ModelId] public string Model { get; set; }
        }
        class User
        {
            void M(Client c)
            {
                c.Send("gpt-3.5-turob");
                c.Ask({|PRICE002:"gpt-3.5-turob"|});
                c.Tell({|PRICE002:"davinci-004"|});
                c.Model = {|PRICE002:"whisper-2"|};
            }
        }
        """, prefix: "using MI = PriceGen.ModelIdAttribute;\n");

    [Fact]
    public Task Target_typed_constructions_take_the_type_their_declaration_writes() => Verify("""
        class Client
        {
            public Client([ModelId] string model) { }
            public Client() : this({|PRICE002:"gpt-4x"|}) { }
        }
        class Derived : Client { public Derived() : base({|PRICE002:"davinci-004"|}) { } }
        class Holder
        {
            Client field = new({|PRICE002:"whisper-2"|});
            Client Property { get; } = new({|PRICE002:"dall-e-4"|});
            Client Arrow => new({|PRICE002:"gpt-3.5-turob"|});
            Client? Nullable = new({|PRICE002:"gpt-35-turbp"|});
            Client Returned() { return new({|PRICE002:"text-davinci-004"|}); }
            Client Expression() => new({|PRICE002:"gpt-4x"|});
            async System.Threading.Tasks.Task<Client> Later() { await System.Threading.Tasks.Task.Yield(); return new({|PRICE002:"davinci-004"|}); }
            Client Local() { Client Make() => new({|PRICE002:"whisper-2"|}); return Make(); }
            (string, Client) Tuple() => ("gpt-3.5-turob", new Client({|PRICE002:"dall-e-4"|}));
            System.Collections.Generic.Dictionary<string, string> Table = new() { ["gpt-3.5-turob"] = "x" };
        }
        """);

    [Fact]
    public Task Constants_are_resolved_by_name_and_pattern_variables_or_primary_constructor_parameters_hide_them() => Verify("""
        #nullable enable
        class Client { public void Send([ModelId] string model) { } }
        static class Models { public const string Typo = "gpt-3.5-turob"; public const string Chat = "gpt-3.5-turbo"; }
        static class Generic<T> { public const string Typo = "davinci-004"; }
        class User
        {
            const string Model = "whisper-2";
            static bool Check([ModelId] string model) => true;
            void M(Client c, string? maybe)
            {
                c.Send({|PRICE002:Models.Typo|});
                c.Send({|PRICE002:global::Models.Typo|});
                c.Send({|PRICE002:Generic<int>.Typo|});
                c.Send(Models.Chat);
                c.Send(maybe!.Trim());
                System.Func<object, bool> f = o => o is string Model && Check(Model);
                _ = maybe switch { string Model => Check(Model) };
                c.Send({|PRICE002:Model|});
                c.Send({|PRICE002:Models.Chat + "-x"|});
            }
            bool N(object o) => o is string Model && Check(Model);
            class Primary(string Model) { void M(Client c) => c.Send(Model); }
        }
        """);

    private static Task Verify(string body, MetadataReference? library = null, string prefix = "")
    {
        var test = AnalyzerHarness.Test<ModelIdAnalyzer>(prefix + Usings + body);
        if (library is not null)
        {
            test.TestState.AdditionalReferences.Add(library);
        }

        return test.RunAsync();
    }

    /// <summary>A compiled library that references PriceGen's runtime, as a package built with PriceGen would.</summary>
    private static MetadataReference Library(string source)
    {
        var references = AnalyzerHarness.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, default).Result
            .Append(MetadataReference.CreateFromFile(typeof(ModelPrice).Assembly.Location));
        var compilation = CSharpCompilation.Create("Library", new[] { CSharpSyntaxTree.ParseText(source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
