using System;
using System.Collections.Generic;

namespace PriceGen.Generation;

/// <summary>A run of characters of every id, counted from its start or its end: what the runtime's <c>IdSlice</c> describes.</summary>
internal readonly record struct ChosenSlice(bool FromEnd, int Offset, int Length)
{
    /// <summary>The runtime's <c>IdSlice</c> as C# (<c>FromStart(7, 4)</c>), without its namespace.</summary>
    public string ToCode() => (FromEnd ? "IdSlice.FromEnd(" : "IdSlice.FromStart(") + Literals.Integer(Offset) + ", " + Literals.Integer(Length) + ")";
}

/// <summary>
/// Chooses the characters the generated lookup table hashes, as <c>FrozenDictionary</c>'s key analysis does at run
/// time but once, at compile time: the run of four characters (one read) or else eight (two reads), from the start or
/// from the end of the ids, in which the ids together with their lengths differ. The table still compares whole ids,
/// so the choice decides only speed; ids sharing a slice and a length cost a probe and a compare each.
/// </summary>
internal static class IdSliceChooser
{
    /// <summary>At most one id in twenty may share its slice and length with another; past that the whole id is hashed.</summary>
    private const int IdsPerAllowedDuplicate = 20;

    private const int SingleRead = 4;
    private const int TwoReads = 8;

    /// <summary>The slice with the fewest ids sharing it (the first such, one read before two); null when none is good enough.</summary>
    public static ChosenSlice? Choose(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return null;
        }

        var shortest = int.MaxValue;
        var longest = 0;
        foreach (var id in ids)
        {
            shortest = Math.Min(shortest, id.Length);
            longest = Math.Max(longest, id.Length);
        }

        if (shortest == 0)
        {
            return null;
        }

        ChosenSlice? best = null;
        var bestDuplicates = (ids.Count / IdsPerAllowedDuplicate) + 1; // a slice must do better than this
        var seen = new HashSet<ulong>();
        foreach (var length in new[] { Math.Min(SingleRead, shortest), Math.Min(TwoReads, shortest) })
        {
            for (var offset = 0; offset + length <= shortest; offset++)
            {
                // Ids all of one length have the same slices from either end.
                for (var side = 0; side < (shortest == longest ? 1 : 2); side++)
                {
                    var slice = new ChosenSlice(FromEnd: side == 1, offset, length);
                    var duplicates = Duplicates(ids, slice, giveUpAt: bestDuplicates, seen);
                    if (duplicates < bestDuplicates)
                    {
                        (best, bestDuplicates) = (slice, duplicates);
                        if (duplicates == 0)
                        {
                            return best;
                        }
                    }
                }
            }

            if (length == shortest)
            {
                break; // the ids are no longer than one read
            }
        }

        return best;
    }

    /// <summary>How many ids share their slice and length with an id before them, counted up to <paramref name="giveUpAt"/>.</summary>
    private static int Duplicates(IReadOnlyList<string> ids, ChosenSlice slice, int giveUpAt, HashSet<ulong> seen)
    {
        const ulong FirstMultiplier = 0xC2B2AE3D27D4EB4F, SecondMultiplier = 0x165667B19E3779F9, LengthMultiplier = 0x9E3779B97F4A7C15;
        seen.Clear();
        var duplicates = 0;
        foreach (var id in ids)
        {
            // Up to eight characters, exactly, in two words: equal fingerprints mean equal slices but for a 2^-64 chance.
            var start = slice.FromEnd ? id.Length - slice.Offset - slice.Length : slice.Offset;
            ulong first = 0, second = 0;
            for (var i = 0; i < slice.Length; i++)
            {
                if (i < SingleRead)
                {
                    first |= (ulong)id[start + i] << (16 * i);
                }
                else
                {
                    second |= (ulong)id[start + i] << (16 * (i - SingleRead));
                }
            }

            var fingerprint = (first * FirstMultiplier) ^ (second * SecondMultiplier) ^ ((ulong)id.Length * LengthMultiplier);
            if (!seen.Add(fingerprint) && ++duplicates >= giveUpAt)
            {
                break;
            }
        }

        return duplicates;
    }
}
