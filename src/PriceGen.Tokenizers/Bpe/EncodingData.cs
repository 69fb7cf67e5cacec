using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Reflection;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>
/// The mergeable tokens of each encoding, read from the <c>.tiktoken</c> files that the
/// <c>Microsoft.ML.Tokenizers.Data.*</c> packages embed (deflated; a <c>Capacity: N</c> line, then one base64 token a
/// line, its rank the line's index).
/// </summary>
internal static class EncodingData
{
    /// <summary>p50k_base's special token <c>&lt;|endoftext|&gt;</c> has the rank after r50k_base's last token.</summary>
    internal const int P50kEndOfText = 50256;

    /// <summary>The longest run of spaces that p50k_base has a token for.</summary>
    internal const int P50kLongestSpaceRun = 25;

    /// <summary>tokens[rank] is the token's bytes, or <see langword="null"/> where the rank is a special token.</summary>
    internal static byte[]?[] Load(string encoding) => encoding switch
    {
        TokenEncodings.R50kBase => Read("Microsoft.ML.Tokenizers.Data.R50kBase", "r50k_base.tiktoken.deflate"),
        TokenEncodings.P50kBase => DeriveP50kBase(Read("Microsoft.ML.Tokenizers.Data.R50kBase", "r50k_base.tiktoken.deflate")),
        TokenEncodings.Cl100kBase => Read("Microsoft.ML.Tokenizers.Data.Cl100kBase", "cl100k_base.tiktoken.deflate"),
        TokenEncodings.O200kBase => Read("Microsoft.ML.Tokenizers.Data.O200kBase", "o200k_base.tiktoken.deflate"),
        _ => throw new NotSupportedException("No token data for the encoding '" + encoding + "'."),
    };

    /// <summary>
    /// p50k_base is r50k_base with tokens for runs of spaces added: ranks 0–50255 are r50k_base's tokens, unchanged;
    /// 50256 is <c>&lt;|endoftext|&gt;</c>, as in r50k_base; 50257–50280 are 2 to 25 spaces (rank 50255 + n for n
    /// spaces). Its pre-tokenizer pattern and special tokens are r50k_base's. The tests compare the whole table, rank
    /// by rank, with OpenAI's <c>p50k_base.tiktoken</c> as the SharpToken package ships it.
    /// </summary>
    internal static byte[]?[] DeriveP50kBase(byte[]?[] r50kBase)
    {
        if (r50kBase.Length != P50kEndOfText)
        {
            throw new InvalidDataException("r50k_base has " + r50kBase.Length + " tokens where " + P50kEndOfText + " were expected.");
        }

        var tokens = new byte[]?[P50kEndOfText + P50kLongestSpaceRun];
        Array.Copy(r50kBase, tokens, r50kBase.Length);
        for (var spaces = 2; spaces <= P50kLongestSpaceRun; spaces++)
        {
            var run = new byte[spaces];
            run.AsSpan().Fill((byte)' ');
            tokens[P50kEndOfText - 1 + spaces] = run;
        }

        return tokens;
    }

    private static byte[]?[] Read(string assemblyName, string resourceName)
    {
        var assembly = Assembly.Load(new AssemblyName(assemblyName));
        using var resource = assembly.GetManifestResourceStream(resourceName) ?? throw new InvalidDataException(
            "The assembly '" + assemblyName + "' has no resource '" + resourceName + "'.");
        using var reader = new StreamReader(new DeflateStream(resource, CompressionMode.Decompress));
        var tokens = new List<byte[]?>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            // OpenAI's own files write "base64 rank"; these write the token alone, ranked by its line.
            var space = line.IndexOf(' ');
            if (space >= 0)
            {
                var rank = int.Parse(line.Substring(space + 1), System.Globalization.CultureInfo.InvariantCulture);
                if (rank != tokens.Count)
                {
                    throw new InvalidDataException(resourceName + ": rank " + rank + " where " + tokens.Count + " was expected.");
                }

                line = line.Substring(0, space);
            }

            tokens.Add(Convert.FromBase64String(line));
        }

        return tokens.ToArray();
    }
}
