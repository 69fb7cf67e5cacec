using System;

namespace PriceGen;

/// <summary>The result of resolving a model id: the model, how the id matched it and the id that was looked up.</summary>
public readonly struct ModelMatch : IEquatable<ModelMatch>
{
    /// <summary>Creates a match.</summary>
    public ModelMatch(ModelPrice model, ModelMatchKind kind, string id)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Kind = kind;
        Id = id ?? throw new ArgumentNullException(nameof(id));
    }

    /// <summary>The model the id resolved to; its <see cref="ModelPrice.Id"/> may differ from <see cref="Id"/>.</summary>
    public ModelPrice Model { get; }

    /// <summary>How <see cref="Id"/> matched <see cref="Model"/>.</summary>
    public ModelMatchKind Kind { get; }

    /// <summary>The id that was looked up, such as <c>gpt-4o-2024-08-06</c>.</summary>
    public string Id { get; }

    /// <summary>Whether two matches name the same model, the same way, for the same id.</summary>
    public static bool operator ==(ModelMatch left, ModelMatch right) => left.Equals(right);

    /// <summary>Whether two matches differ.</summary>
    public static bool operator !=(ModelMatch left, ModelMatch right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ModelMatch other) =>
        ReferenceEquals(Model, other.Model) && Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ModelMatch other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = Model is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Model);
            hash = (hash * 397) ^ (int)Kind;
            return (hash * 397) ^ (Id is null ? 0 : StringComparer.Ordinal.GetHashCode(Id));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Model is null ? "(no match)" : Id + " → " + Model.Id + " (" + Kind + ")";
}
