using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MimeKit;

namespace Events.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server for tests: npm's maildev 3.0.0 on 127.0.0.1 at free ports, read back through its HTTP API.
/// .ci/run installs it under .ci/tools; MAILDEV may name another copy.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly HttpClient http = new();
    private Process? process;

    public int SmtpPort { get; } = FreePort();
    public int WebPort { get; } = FreePort();

    public static string Executable
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MAILDEV");
            if (!string.IsNullOrEmpty(configured)) return configured;
            var local = Path.Combine(RepoPaths.Root, ".ci", "tools", "node_modules", ".bin", "maildev");
            if (File.Exists(local)) return local;
            throw new InvalidOperationException(
                "maildev is not installed. Run: npm install --prefix .ci/tools --no-audit --no-fund maildev@3.0.0 (or run .ci/run, which does it).");
        }
    }

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Executable, ["--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1", "--silent"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException("maildev did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Node starts slowly on a loaded 2-core machine (the browser tests run beside these): 20 s was not always enough.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"maildev exited with code {process.ExitCode}");
            try
            {
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(IPAddress.Loopback, SmtpPort);
                using var response = await http.GetAsync(ApiUrl("/api/email"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception ex) when (ex is SocketException or HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("maildev did not answer within 60 s");
    }

    /// <summary>Stops the server, as an outage would; messages it had received are gone with it.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var list = await http.GetFromJsonAsync<List<ReceivedMail>>(ApiUrl("/api/email"));
        return list ?? [];
    }

    /// <summary>The message exactly as the server received it, parsed by MimeKit.</summary>
    public async Task<MimeMessage> SourceAsync(string id)
    {
        await using var stream = await http.GetStreamAsync(ApiUrl($"/api/email/{id}/source"));
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        return await MimeMessage.LoadAsync(copy);
    }

    public async Task ClearAsync() => (await http.DeleteAsync(ApiUrl("/api/email/all"))).EnsureSuccessStatusCode();

    private Uri ApiUrl(string path) => new($"http://127.0.0.1:{WebPort}{path}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
    }
}

public sealed record ReceivedAddress(string Address, string? Name);

public sealed record ReceivedMail(string Id, string Subject, List<ReceivedAddress> To, string? Text, string? Html);
