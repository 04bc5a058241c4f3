using System.Diagnostics;
using System.Text;

namespace Events.IntegrationTests.Papers.Hostile;

/// <summary>The command-line tools a curious reviewer would use on a copy: qpdf to expand it, pdfdetach to list attachments.</summary>
public static class PdfTools
{
    /// <summary>The file rewritten by qpdf with <paramref name="args"/> (e.g. --qdf), every stream decoded.</summary>
    public static byte[] Qpdf(byte[] pdf, params string[] args) => WithFiles(pdf, (input, output) =>
    {
        var (exit, text) = Run("qpdf", [.. args, input, output]);
        // 3 means "succeeded with warnings", which hostile input may well produce.
        if (exit is not (0 or 3)) throw new InvalidOperationException($"qpdf {string.Join(' ', args)} failed ({exit}): {text}");
        return File.ReadAllBytes(output);
    });

    /// <summary>What <c>pdfdetach -list</c> (poppler-utils) prints for the file.</summary>
    public static string DetachList(byte[] pdf) => WithFiles(pdf, (input, _) => Run("pdfdetach", ["-list", input]).Output);

    /// <summary>
    /// How often <paramref name="marker"/> occurs in <paramref name="data"/> in any form a PDF may hold it: as UTF-8 or Latin-1,
    /// as UTF-16BE, or as either in hex; ignoring case.
    /// </summary>
    public static int Occurrences(byte[] data, string marker)
    {
        var text = Encoding.Latin1.GetString(data);
        var forms = new[]
        {
            Encoding.UTF8.GetBytes(marker), Encoding.BigEndianUnicode.GetBytes(marker),
        };
        var count = 0;
        foreach (var form in forms)
        {
            count += Count(text, Encoding.Latin1.GetString(form));
            count += Count(text, Convert.ToHexString(form));
        }
        return count;
    }

    private static int Count(string text, string value)
    {
        var n = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.OrdinalIgnoreCase)) n++;
        return n;
    }

    private static T WithFiles<T>(byte[] pdf, Func<string, string, T> run)
    {
        var dir = Path.Combine(Path.GetTempPath(), "events-test-pdfs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var input = Path.Combine(dir, "in.pdf");
            File.WriteAllBytes(input, pdf);
            return run(input, Path.Combine(dir, "out.pdf"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started; install qpdf and poppler-utils.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
