using Events.Infrastructure.Papers.PdfSafety;

namespace Events.IntegrationTests.Papers.Hostile;

/// <summary>The scan that runs before any parser: what it counts, and where it stops.</summary>
public sealed class PdfBombScanTests
{
    private static readonly PdfLimits Limits = new() { MaxStreamBytes = 8L * 1024 * 1024, MaxTotalBytes = 32L * 1024 * 1024, MaxObjects = 1000 };

    [Fact]
    public void An_ordinary_paper_is_within_the_limits_and_its_streams_are_counted()
    {
        var scan = PdfBombScan.Check(HostilePdfs.MarkedEverywhere(), Limits);

        Assert.Equal(PdfScanVerdict.WithinLimits, scan.Verdict);
        Assert.InRange(scan.Objects, 20, 40);
        Assert.True(scan.DecodedBytes > 0);
    }

    [Fact]
    public void A_flate_stream_over_the_per_stream_limit_is_stopped_one_byte_past_it()
    {
        var scan = PdfBombScan.Check(HostilePdfs.FlateBomb(64L * 1024 * 1024), Limits);

        Assert.Equal(PdfScanVerdict.StreamTooLarge, scan.Verdict);
        Assert.Equal(Limits.MaxStreamBytes + 1, scan.LargestStream);
    }

    [Fact]
    public void Flate_inside_flate_is_decoded_through_both_layers()
    {
        var scan = PdfBombScan.Check(HostilePdfs.NestedFlateBomb(64L * 1024 * 1024), Limits);

        Assert.Equal(PdfScanVerdict.StreamTooLarge, scan.Verdict);
    }

    [Fact]
    public void Many_streams_each_under_the_limit_are_refused_together()
    {
        var scan = PdfBombScan.Check(HostilePdfs.ManyStreamsBomb(count: 10, each: 4L * 1024 * 1024), Limits);

        Assert.Equal(PdfScanVerdict.TotalTooLarge, scan.Verdict);
    }

    [Fact]
    public void A_run_length_bomb_behind_an_ascii_hex_layer_is_counted()
    {
        // RunLength: 0x81 0x00 repeats a zero byte 128 times; 200,000 such pairs decode to 25.6 MB.
        var runs = Enumerable.Repeat(new byte[] { 0x81, 0x00 }, 200_000).SelectMany(b => b).ToArray();
        var hex = RawPdf.Latin1(Convert.ToHexString(runs) + ">");
        var pdf = HostilePdfs.OnePage((raw, _) => $"/PageLabels {raw.AddStream("/Filter [/ASCIIHexDecode /RunLengthDecode]", hex)} 0 R");

        var scan = PdfBombScan.Check(pdf, Limits);

        Assert.Equal(PdfScanVerdict.StreamTooLarge, scan.Verdict);
    }

    [Fact]
    public void A_fake_endstream_inside_the_data_does_not_hide_what_follows_it()
    {
        // A stored deflate block that contains the bytes "endstream", then the bomb: the decoder reads past the keyword.
        var bomb = RawPdf.FlateZeros(64L * 1024 * 1024);
        byte[] fake = [0x78, 0x01, 0x00, 0x0B, 0x00, 0xF4, 0xFF, .. RawPdf.Latin1("\nendstream\n")];
        var body = bomb[2..];
        var pdf = HostilePdfs.OnePage((raw, _) => $"/PageLabels {raw.AddStream("/Filter /FlateDecode", [.. fake, .. body])} 0 R");

        var scan = PdfBombScan.Check(pdf, Limits);

        Assert.Equal(PdfScanVerdict.StreamTooLarge, scan.Verdict);
    }

    [Fact]
    public void Objects_over_the_limit_are_refused_before_any_stream_is_decoded()
    {
        var scan = PdfBombScan.Check(HostilePdfs.ManyObjects(count: 2000), Limits);

        Assert.Equal((PdfScanVerdict.TooManyObjects, 0L), (scan.Verdict, scan.DecodedBytes));
    }
}
