using System.IO.Compression;

namespace Events.Infrastructure.Papers.PdfSafety;

/// <summary>
/// Pull decoders for the PDF filters that expand data (Flate, LZW, RunLength) and the text encodings that may sit in front of
/// them (ASCIIHex, ASCII85). They only need to be as lenient as the parsers they protect: each stops at its end-of-data marker,
/// or at the first byte it cannot decode, so the scan never counts less than a parser would decode.
/// </summary>
internal static class DecodeStreams
{
    /// <summary>Wraps <paramref name="source"/> in the decoder of <paramref name="filter"/>, or null for a filter that does not expand (images).</summary>
    public static Stream? Wrap(string filter, Stream source) => filter switch
    {
        "FlateDecode" or "Fl" => Flate(source),
        "LZWDecode" or "LZW" => new LzwDecoder(source),
        "RunLengthDecode" or "RL" => new RunLengthDecoder(source),
        "ASCIIHexDecode" or "AHx" => new AsciiHexDecoder(source),
        "ASCII85Decode" or "A85" => new Ascii85Decoder(source),
        _ => null,
    };

    // The parsers skip the two-byte zlib header and inflate the rest without checking it; so does this.
    private static DeflateStream Flate(Stream source)
    {
        source.ReadByte();
        source.ReadByte();
        return new DeflateStream(source, CompressionMode.Decompress);
    }

    /// <summary>A read-only stream fed one decoded chunk at a time.</summary>
    private abstract class Decoder(Stream source) : Stream
    {
        private readonly byte[] pending = new byte[8192];
        private int start;
        private int end;
        private bool done;
        protected Stream Source { get; } = source;

        /// <summary>Decodes the next piece into <paramref name="output"/>; returns its length, or -1 at the end of the data.</summary>
        protected abstract int Produce(byte[] output);

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (start == end)
            {
                if (done) return 0;
                var n = Produce(pending);
                if (n < 0)
                {
                    done = true;
                    return 0;
                }
                start = 0;
                end = n;
            }
            var take = Math.Min(count, end - start);
            Buffer.BlockCopy(pending, start, buffer, offset, take);
            start += take;
            return take;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class RunLengthDecoder(Stream source) : Decoder(source)
    {
        protected override int Produce(byte[] output)
        {
            var length = Source.ReadByte();
            if (length is < 0 or 128) return -1;
            if (length < 128)
            {
                var n = 0;
                for (var i = 0; i <= length; i++)
                {
                    var b = Source.ReadByte();
                    if (b < 0) return n == 0 ? -1 : n;
                    output[n++] = (byte)b;
                }
                return n;
            }
            var value = Source.ReadByte();
            if (value < 0) return -1;
            var count = 257 - length;
            Array.Fill(output, (byte)value, 0, count);
            return count;
        }
    }

    private sealed class AsciiHexDecoder(Stream source) : Decoder(source)
    {
        protected override int Produce(byte[] output)
        {
            int high = -1;
            while (true)
            {
                var c = Source.ReadByte();
                if (c < 0 || c == '>') return high < 0 ? -1 : Emit(output, high << 4);
                var v = HexValue(c);
                if (v < 0) continue;
                if (high < 0) high = v;
                else return Emit(output, (high << 4) | v);
            }
        }

        private static int Emit(byte[] output, int value)
        {
            output[0] = (byte)value;
            return 1;
        }

        private static int HexValue(int c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }

    private sealed class Ascii85Decoder(Stream source) : Decoder(source)
    {
        protected override int Produce(byte[] output)
        {
            var group = new int[5];
            var n = 0;
            while (true)
            {
                var c = Source.ReadByte();
                if (c < 0 || c == '~') break;
                if (c == 'z' && n == 0)
                {
                    Array.Clear(output, 0, 4);
                    return 4;
                }
                if (c is < '!' or > 'u') continue;
                group[n++] = c - '!';
                if (n == 5) return Emit(output, group, 5);
            }
            if (n < 2) return -1;
            for (var i = n; i < 5; i++) group[i] = 84;
            return Emit(output, group, n);
        }

        private static int Emit(byte[] output, int[] group, int n)
        {
            long value = 0;
            foreach (var d in group) value = value * 85 + d;
            for (var i = 0; i < 4; i++) output[i] = (byte)(value >> (24 - 8 * i));
            return n - 1;
        }
    }

    /// <summary>LZW as PDF uses it: 9 to 12-bit codes, 256 clears the table, 257 ends the data, early change on.</summary>
    private sealed class LzwDecoder(Stream source) : Decoder(source)
    {
        private const int Clear = 256;
        private const int EndOfData = 257;
        private readonly int[] prefix = new int[4096];
        private readonly byte[] suffix = new byte[4096];
        private readonly byte[] first = new byte[4096];
        private int next = 258;
        private int width = 9;
        private int previous = -1;
        private int bits;
        private int bitCount;

        protected override int Produce(byte[] output)
        {
            while (true)
            {
                var code = ReadCode();
                if (code is < 0 or EndOfData) return -1;
                if (code == Clear)
                {
                    next = 258;
                    width = 9;
                    previous = -1;
                    continue;
                }
                int length;
                if (code < next && (code < 256 || code > EndOfData))
                {
                    length = Write(code, output);
                    if (previous >= 0) Add(previous, code < 256 ? (byte)code : first[code]);
                }
                else if (code == next && previous >= 0)
                {
                    var head = previous < 256 ? (byte)previous : first[previous];
                    Add(previous, head);
                    length = Write(code, output);
                }
                else
                {
                    return -1;
                }
                previous = code;
                return length;
            }
        }

        private void Add(int before, byte b)
        {
            if (next >= 4096) return;
            prefix[next] = before;
            suffix[next] = b;
            first[next] = before < 256 ? (byte)before : first[before];
            next++;
            if (next + 1 >= 1 << width && width < 12) width++;
        }

        private int Write(int code, byte[] output)
        {
            var length = 0;
            for (var c = code; c > EndOfData; c = prefix[c]) length++;
            length++;
            var i = length - 1;
            var at = code;
            while (at > EndOfData)
            {
                output[i--] = suffix[at];
                at = prefix[at];
            }
            output[i] = (byte)at;
            return length;
        }

        private int ReadCode()
        {
            while (bitCount < width)
            {
                var b = Source.ReadByte();
                if (b < 0) return -1;
                bits = (bits << 8) | b;
                bitCount += 8;
            }
            var code = (bits >> (bitCount - width)) & ((1 << width) - 1);
            bitCount -= width;
            bits &= (1 << bitCount) - 1;
            return code;
        }
    }
}
