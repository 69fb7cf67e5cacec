using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PriceGen.Analysis;

/// <summary>
/// Which member names may receive a model id, and at which argument positions: a necessary condition, read from names
/// before anything is bound. A call of <c>Send</c> is bound only when some <c>Send</c> has a sink at that position;
/// <see cref="ModelIdSinks"/> then decides on the bound symbol. Built lazily, once per name and compilation, from the
/// same sources as <see cref="ModelIdSinks"/>: its known SDK symbols, the source declarations that carry an attribute,
/// and the members of referenced assemblies that use <c>[ModelId]</c>.
/// </summary>
internal sealed class ModelIdSinkNames
{
    /// <summary>Where members of one name take a model id.</summary>
    internal sealed class Shape
    {
        public static readonly Shape None = new();

        /// <summary>A positional argument at any position may be one (a sink known only by its parameter's name).</summary>
        public bool AnyPosition { get; set; }

        /// <summary>Bit n: a sink parameter at position n (as written: an extension method's receiver is not counted).</summary>
        public ulong Positions { get; set; }

        public HashSet<string> ParameterNames { get; } = new(StringComparer.Ordinal);

        /// <summary>The property or field of that name is a sink itself.</summary>
        public bool Member { get; set; }

        public bool IsEmpty => !AnyPosition && Positions == 0 && ParameterNames.Count == 0 && !Member;

        public void AddParameter(IParameterSymbol parameter) =>
            AddParameter(parameter.Name, parameter.Ordinal, parameter.IsParams, parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true });

        /// <summary>A sink parameter, from its symbol or its declaration: a params array or a far position takes any position.</summary>
        public void AddParameter(string name, int ordinal, bool isParams, bool ofExtensionMethod)
        {
            ParameterNames.Add(name);
            if (isParams || ordinal >= 63)
            {
                AnyPosition = true;
                return;
            }

            Positions |= 1UL << ordinal;
            if (ofExtensionMethod && ordinal > 0)
            {
                Positions |= 1UL << (ordinal - 1); // called on its receiver: x.Send(model)
            }
        }

        /// <summary>Whether an argument at <paramref name="position"/>, named <paramref name="name"/> when it is, may be a sink.</summary>
        public bool Accepts(int position, string? name) =>
            name is not null ? ParameterNames.Contains(name) : AnyPosition || (position < 64 && (Positions & (1UL << position)) != 0);
    }

    private readonly Compilation _compilation;
    private readonly ModelIdSinks _sinks;
    private readonly ConcurrentDictionary<string, Shape> _byMemberName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Shape> _byTypeName = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, Shape>> _known;
    private readonly Lazy<Dictionary<string, Shape>> _declared;

    public ModelIdSinkNames(Compilation compilation, ModelIdSinks sinks)
    {
        _compilation = compilation;
        _sinks = sinks;
        _known = new Lazy<Dictionary<string, Shape>>(KnownShapes, LazyThreadSafetyMode.ExecutionAndPublication);
        _declared = new Lazy<Dictionary<string, Shape>>(DeclaredShapes, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Methods, properties, fields and indexers (<c>this[]</c>) named <paramref name="name"/>.</summary>
    /// <remarks>
    /// A name no sink has (nearly every name) is answered from the two read-only tables and never added to the memo:
    /// adding every called name made the threads of a concurrent build contend for the memo's locks (in a compiler-server
    /// profile of this repository's generator, more of PRICE002's time than all its other work).
    /// </remarks>
    public Shape OfMember(string name)
    {
        if (_byMemberName.TryGetValue(name, out var shape))
        {
            return shape;
        }

        if (!_known.Value.ContainsKey(name) && !_declared.Value.ContainsKey(name) && !ModelIdSinks.MayBeSemanticKernelRegistration(name))
        {
            return Shape.None;
        }

        return _byMemberName.GetOrAdd(name, n => Build(n, types: false)); // GetOrAdd's callback is a closure: only on a sink's name
    }

    /// <summary>The constructors of types named <paramref name="name"/> (also <c>name</c> + <c>Attribute</c> for an attribute).</summary>
    public Shape OfConstructor(string name) =>
        _byTypeName.TryGetValue(name, out var shape) ? shape : _byTypeName.GetOrAdd(name, n => Build(n, types: true));

    /// <summary>Whether a known SDK property or field outside the source has this name (<c>ModelId</c>).</summary>
    public bool IsKnownMember(string name) => _known.Value.TryGetValue(name, out var shape) && shape.Member;

    private Shape Build(string name, bool types)
    {
        var shape = new Shape();
        if (_known.Value.TryGetValue((types ? "ctor:" : string.Empty) + name, out var known))
        {
            Merge(shape, known);
        }

        if (!types && ModelIdSinks.MayBeSemanticKernelRegistration(name))
        {
            shape.AnyPosition = true; // Semantic Kernel's registrations: 'modelId' at a position that varies by overload
            shape.ParameterNames.Add("modelId");
        }

        if (_declared.Value.TryGetValue((types ? "ctor:" : string.Empty) + name, out var declared))
        {
            Merge(shape, declared);
        }

        return shape.IsEmpty ? Shape.None : shape;
    }

    private void Add(Shape shape, ISymbol member)
    {
        switch (member)
        {
            case IMethodSymbol method:
                foreach (var parameter in method.Parameters)
                {
                    if (_sinks.IsSink(parameter, null))
                    {
                        shape.AddParameter(parameter);
                    }
                }

                break;
            case IPropertySymbol property:
                foreach (var parameter in property.Parameters)
                {
                    if (_sinks.IsSink(parameter, null))
                    {
                        shape.AddParameter(parameter);
                    }
                }

                shape.Member |= _sinks.IsSink(property, null);
                break;
            case IFieldSymbol field:
                shape.Member |= _sinks.IsSink(field, null);
                break;
        }
    }

    /// <summary>
    /// The source's possible sinks, read from declarations alone (no method body is entered, no symbol made): every
    /// parameter, property or field with an attribute of a name <c>[ModelId]</c> can be written with. The bound symbol
    /// decides later; this only tells which names are worth binding.
    /// </summary>
    private Dictionary<string, Shape> DeclaredShapes()
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        if (_sinks.ModelIdAttribute is null)
        {
            return shapes; // no [ModelId] to write: a source sink is then only one of the known SDK members
        }

        Shape ShapeOf(string key) => shapes.TryGetValue(key, out var s) ? s : shapes[key] = new Shape();
        var attributeNames = ModelIdAttributeNames();
        // Loops, no LINQ: this reads every declaration of the compilation, and a lambda here was a closure per call.
        bool MayHaveModelId(SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (RightmostName(attribute.Name) is { } name && attributeNames.Contains(name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        void AddParameters(string prefix, string name, ParameterListSyntax? parameters, bool extension)
        {
            if (parameters is null)
            {
                return;
            }

            for (var i = 0; i < parameters.Parameters.Count; i++)
            {
                var parameter = parameters.Parameters[i];
                if (!MayHaveModelId(parameter.AttributeLists))
                {
                    continue;
                }

                ShapeOf(prefix + name).AddParameter(parameter.Identifier.ValueText, i, parameter.Modifiers.Any(SyntaxKind.ParamsKeyword), extension);
            }
        }

        void Visit(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        Visit(ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        AddParameters("ctor:", type.Identifier.ValueText, type.ParameterList, extension: false);
                        Visit(type.Members);
                        break;
                    case MethodDeclarationSyntax method:
                        AddParameters(string.Empty, method.Identifier.ValueText, method.ParameterList,
                            extension: method.ParameterList.Parameters.Count > 0 && method.ParameterList.Parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword));
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        AddParameters("ctor:", constructor.Identifier.ValueText, constructor.ParameterList, extension: false);
                        break;
                    case IndexerDeclarationSyntax indexer:
                        foreach (var parameter in indexer.ParameterList.Parameters)
                        {
                            if (MayHaveModelId(parameter.AttributeLists))
                            {
                                ShapeOf("this[]").AnyPosition = true;
                            }
                        }

                        if (MayHaveModelId(indexer.AttributeLists))
                        {
                            ShapeOf("this[]").Member = true;
                        }
                        break;
                    case PropertyDeclarationSyntax property when MayHaveModelId(property.AttributeLists):
                        ShapeOf(property.Identifier.ValueText).Member = true;
                        break;
                    case BaseFieldDeclarationSyntax field when MayHaveModelId(field.AttributeLists):
                        foreach (var variable in field.Declaration.Variables)
                        {
                            ShapeOf(variable.Identifier.ValueText).Member = true;
                        }

                        break;
                }
            }
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                Visit(unit.Members);
            }
        }

        // A record's positional parameter is also its property: [property: ModelId] makes that property a sink.
        foreach (var key in shapes.Keys.Where(k => k.StartsWith("ctor:", StringComparison.Ordinal)).ToList())
        {
            foreach (var parameterName in shapes[key].ParameterNames)
            {
                ShapeOf(parameterName).Member = true;
            }
        }

        return shapes;
    }

    /// <summary>
    /// The names <c>[ModelId]</c> can be written with in this compilation: <c>ModelId</c>, <c>ModelIdAttribute</c>, and
    /// any using alias of a name ending in either (an attribute with another name cannot be <c>PriceGen.ModelIdAttribute</c>).
    /// </summary>
    private HashSet<string> ModelIdAttributeNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "ModelId", "ModelIdAttribute" };
        void AddAliases(SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && RightmostName(directive.Name) is "ModelId" or "ModelIdAttribute")
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        void Visit(SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    AddAliases(ns.Usings);
                    Visit(ns.Members);
                }
            }
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                AddAliases(unit.Usings);
                Visit(unit.Members);
            }
        }

        return names;
    }

    /// <summary>The last identifier of a name: <c>Send</c>, <c>Client</c> of <c>Library.Client</c>, <c>ModelId</c> of <c>global::PriceGen.ModelId</c>.</summary>
    internal static string? RightmostName(NameSyntax? name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static void Merge(Shape into, Shape from)
    {
        into.AnyPosition |= from.AnyPosition;
        into.Positions |= from.Positions;
        into.Member |= from.Member;
        into.ParameterNames.UnionWith(from.ParameterNames);
    }

    /// <summary>
    /// The sinks outside the compilation's source, by name: the SDK symbols <see cref="ModelIdSinks"/> knows, the
    /// generated lookups, and every member with <c>[ModelId]</c> of an assembly that references the attribute's own.
    /// Constructors are keyed <c>ctor:TypeName</c>.
    /// </summary>
    private Dictionary<string, Shape> KnownShapes()
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        Shape ShapeOf(string key) => shapes.TryGetValue(key, out var s) ? s : shapes[key] = new Shape();

        foreach (var sink in _sinks.KnownSinks)
        {
            if (sink is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter)
            {
                ShapeOf(method.MethodKind == MethodKind.Constructor ? "ctor:" + method.ContainingType.Name : method.Name).AddParameter(parameter);
            }
            else
            {
                ShapeOf(sink.Name).Member = true;
            }
        }

        foreach (var lookup in new[] { "TryGetModel", "GetModel" })
        {
            var shape = ShapeOf(lookup);
            shape.Positions |= 1; // the generated lookups' 'id'
            shape.ParameterNames.Add("id");
        }

        if (_sinks.ModelIdAttribute is { } attribute)
        {
            foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(assembly, attribute.ContainingAssembly) ||
                    assembly.Modules.Any(m => m.ReferencedAssemblySymbols.Contains(attribute.ContainingAssembly, SymbolEqualityComparer.Default)))
                {
                    AddAttributed(assembly.GlobalNamespace, ShapeOf);
                }
            }
        }

        return shapes;
    }

    private void AddAttributed(INamespaceOrTypeSymbol container, Func<string, Shape> shapeOf)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                AddAttributed(nested, shapeOf);
                if (nested is INamedTypeSymbol type)
                {
                    var constructors = new Shape();
                    foreach (var constructor in type.InstanceConstructors)
                    {
                        Add(constructors, constructor);
                    }

                    if (!constructors.IsEmpty)
                    {
                        Merge(shapeOf("ctor:" + type.Name), constructors);
                    }
                }

                continue;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                continue;
            }

            var shape = new Shape();
            Add(shape, member);
            if (!shape.IsEmpty)
            {
                Merge(shapeOf(member.Name), shape);
            }
        }
    }
}
