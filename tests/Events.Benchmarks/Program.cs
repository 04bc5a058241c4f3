using BenchmarkDotNet.Running;

namespace Events.Benchmarks;

/// <summary>
/// "outbox [messages] [batch]" measures mail throughput against a real SMTP server; "program" times the synthetic
/// 40-forum event in the real app; "assignment" times the reviewer-assignment solver on random calls for papers;
/// "bulletin [runs]" times bulletin PDFs; "bulletin-docx [runs]" times a large issue's Word file;
/// "bulletin-warm [runs] [articles]" times the warm PDF and .docx of a 15-page multi-article issue; "tents [seats] [runs]" times table tents;
/// "public-load [seconds] [cold seconds]" loads the public pages with wrk against
/// same-size static files; "public-warmup [windows] [ready]" loads the program page in 10 s windows from its first 200 (or from /healthz/ready's first 200); "circuit-memory [circuits]" measures idle organizer circuits; "proceedings" builds a 1,000-page volume against qpdf; "onsite [people] [badges]" times badges and check-in; "badges [count]" breaks a badge PDF's time down; "badges-variants [count] [rounds]" compares variants of the badge HTML in turns; "checkin-screen [scans] [shots folder]" times a scan to the confirmation on screen in Chromium; "registrants" times lists, exports and the import for 5,000 registrants; "dashboard [registrants]" times the organizer dashboard and its xlsx tables; "booklet [registrations] [sessions]" times the programme booklet of the 41-forum event; anything else goes to
/// BenchmarkDotNet.
/// </summary>
public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "outbox")
        {
            await OutboxThroughput.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50);
            return;
        }
        if (args.Length > 0 && args[0] == "proceedings")
        {
            await ProceedingsAtScale.RunAsync();
            return;
        }
        if (args.Length > 0 && args[0] == "program")
        {
            await ProgramAtScale.RunAsync();
            return;
        }
        if (args.Length > 0 && args[0] == "public-load")
        {
            await PublicLoad.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60);
            return;
        }
        if (args.Length > 0 && args[0] == "public-warmup")
        {
            await PublicWarmUp.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 6, args.Length > 2 && args[2] == "ready");
            return;
        }
        if (args.Length > 0 && args[0] == "circuit-memory")
        {
            await CircuitMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
            return;
        }
        if (args.Length > 0 && args[0] == "timetable-grid")
        {
            await TimetableGrid.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9);
            return;
        }
        if (args.Length > 0 && args[0] == "assignment")
        {
            AssignmentAtScale.Run();
            return;
        }
        if (args.Length > 0 && args[0] == "tents")
        {
            await TableTentsAtScale.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }
        if (args.Length > 0 && args[0] == "certificates")
        {
            await CertificatesAtScale.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 500);
            return;
        }
        if (args.Length > 0 && args[0] == "onsite")
        {
            await OnSiteAtScale.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
            return;
        }
        if (args.Length > 0 && args[0] == "dashboard")
        {
            await DashboardAtScale.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000);
            return;
        }
        if (args.Length > 0 && args[0] == "badges")
        {
            await BadgesAtScale.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
            return;
        }
        if (args.Length > 0 && args[0] == "badges-variants")
        {
            await BadgesAtScale.VariantsAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }
        if (args.Length > 0 && args[0] == "checkin-screen")
        {
            await CheckInScreen.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100, args.Length > 2 ? args[2] : null);
            return;
        }
        if (args.Length > 0 && args[0] == "registrants")
        {
            await RegistrantsAtScale.RunAsync();
            return;
        }
        if (args.Length > 0 && args[0] == "bulletin")
        {
            await BulletinRendering.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
            return;
        }
        if (args.Length > 0 && args[0] == "bulletin-warm")
        {
            await BulletinWarmPdf.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6);
            return;
        }
        if (args.Length > 0 && args[0] == "booklet")
        {
            await BookletAtScale.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
            return;
        }
        if (args.Length > 0 && args[0] == "bulletin-docx")
        {
            await BulletinDocxWriting.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
