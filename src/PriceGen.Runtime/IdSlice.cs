using System;
using System.Globalization;

namespace PriceGen;

/// <summary>
/// The characters of every id that a <see cref="ModelLookupTable"/> hashes: a run of one to eight characters counted
/// from the start or from the end of the id, or the whole id (<see langword="default"/>). The generator picks the run
/// in which a catalog's ids differ, as <c>FrozenDictionary</c> does at run time; a lookup still compares the whole id,
/// so the slice decides only how fast a lookup is, never what it finds.
/// </summary>
public readonly struct IdSlice : IEquatable<IdSlice>
{
    /// <summary>The longest slice: two reads of four characters.</summary>
    public const int MaxLength = 8;

    private IdSlice(bool fromEnd, int offset, int length)
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A slice's offset cannot be negative.");
        }

        if (length < 1 || length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A slice is 1 to " + MaxLength.ToString(CultureInfo.InvariantCulture) + " characters long.");
        }

        IsFromEnd = fromEnd;
        Offset = offset;
        Length = length;
    }

    /// <summary>The whole id is hashed: what a table built without a slice does.</summary>
    public static IdSlice WholeId => default;

    /// <summary>Whether <see cref="Offset"/> counts from the end of the id.</summary>
    public bool IsFromEnd { get; }

    /// <summary>The characters skipped before the slice: from the start, or after it up to the end (<see cref="IsFromEnd"/>).</summary>
    public int Offset { get; }

    /// <summary>The number of characters hashed; 0 for the whole id.</summary>
    public int Length { get; }

    /// <summary>The shortest id the slice fits in.</summary>
    public int MinimumIdLength => Offset + Length;

    /// <summary>The <paramref name="length"/> characters after the first <paramref name="offset"/>: <c>FromStart(6, 4)</c> of <c>model-01234-ft</c> is <c>0123</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative, or <paramref name="length"/> is not 1 to 8.</exception>
    public static IdSlice FromStart(int offset, int length) => new(fromEnd: false, offset, length);

    /// <summary>The <paramref name="length"/> characters before the last <paramref name="offset"/>: <c>FromEnd(0, 4)</c> of <c>model-01234-ft</c> is <c>4-ft</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative, or <paramref name="length"/> is not 1 to 8.</exception>
    public static IdSlice FromEnd(int offset, int length) => new(fromEnd: true, offset, length);

    /// <summary>Whether two slices hash the same characters.</summary>
    public static bool operator ==(IdSlice left, IdSlice right) => left.Equals(right);

    /// <summary>Whether two slices differ.</summary>
    public static bool operator !=(IdSlice left, IdSlice right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(IdSlice other) => IsFromEnd == other.IsFromEnd && Offset == other.Offset && Length == other.Length;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IdSlice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (Offset * 31) + (Length * 2) + (IsFromEnd ? 1 : 0);

    /// <summary>As written in code: <c>IdSlice.FromStart(6, 4)</c>, or <c>IdSlice.WholeId</c>.</summary>
    public override string ToString() =>
        Length == 0
            ? "IdSlice.WholeId"
            : string.Format(CultureInfo.InvariantCulture, "IdSlice.{0}({1}, {2})", IsFromEnd ? "FromEnd" : "FromStart", Offset, Length);
}
