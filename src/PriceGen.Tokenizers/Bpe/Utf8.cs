using System.Text;

namespace PriceGen.Tokenizers.Bpe;

/// <summary>UTF-8 of a range of a string into a buffer, without allocating (netstandard2.0 has no span overloads).</summary>
internal static class Utf8
{
    // A lone surrogate becomes U+FFFD, as tiktoken makes it (Microsoft.ML.Tokenizers writes its three WTF-8 bytes instead).
    private static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    internal static int MaxByteCount(int chars) => 3 * chars;

    internal static unsafe int ByteCount(string text, int offset, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        fixed (char* chars = text)
        {
            return Encoding.GetByteCount(chars + offset, length);
        }
    }

    internal static unsafe int Encode(string text, int offset, int length, byte[] buffer)
    {
        // ASCII, most of most text, is copied as is; the encoder takes over at the first other character.
        var ascii = 0;
        while (ascii < length && text[offset + ascii] < 0x80)
        {
            buffer[ascii] = (byte)text[offset + ascii];
            ascii++;
        }

        if (ascii == length)
        {
            return length;
        }

        fixed (char* chars = text)
        fixed (byte* bytes = buffer)
        {
            return ascii + Encoding.GetBytes(chars + offset + ascii, length - ascii, bytes + ascii, buffer.Length - ascii);
        }
    }
}
