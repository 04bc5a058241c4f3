using BenchmarkDotNet.Running;
using Events.Benchmarks;

// "outbox [messages] [batch]" measures mail throughput against a real SMTP server; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "outbox")
{
    await OutboxThroughput.RunAsync(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
