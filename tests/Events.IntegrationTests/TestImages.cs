using System.Buffers.Binary;
using SkiaSharp;

namespace Events.IntegrationTests;

/// <summary>Real images drawn for tests, and the few byte-level edits that turn them into hostile uploads.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height) => Draw(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Draw(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>The same PNG with other dimensions in its header (CRC fixed), so it claims a size its data never has.</summary>
    public static byte[] WithPngSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; the chunk's CRC covers type and data (17 bytes).
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    /// <summary>
    /// The JPEG with an APP1 Exif segment right after its start marker: a first IFD holding only the orientation tag
    /// (0x0112, 1 = as stored, 6 = turn 90° clockwise to view), then <paramref name="marker"/> as trailing data.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, string marker, ushort orientation = 1)
    {
        byte[] tiff =
        [
            .. "II"u8, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00,
            0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, (byte)orientation, (byte)(orientation >> 8), 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        byte[] payload = [.. "Exif\0\0"u8, .. tiff, .. System.Text.Encoding.ASCII.GetBytes(marker)];
        var length = (ushort)(payload.Length + 2);
        return [0xFF, 0xD8, 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload, .. jpeg.AsSpan(2)];
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
