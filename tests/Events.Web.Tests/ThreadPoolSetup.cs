using System.Runtime.CompilerServices;

namespace Events.Web.Tests;

/// <summary>
/// Component tests wait with bUnit's synchronous WaitFor* calls, each of which blocks a pool thread while the renderer's
/// dispatcher needs another to run the check. With the browser and integration tests beside them on two cores, the pool
/// grew too slowly and a wait timed out before its check ever ran; starting with enough threads removes that starvation.
/// </summary>
internal static class ThreadPoolSetup
{
#pragma warning disable CA2255 // the test assembly's own start-up, which is what the rule's library advice does not cover
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var worker, out var io);
        ThreadPool.SetMinThreads(Math.Max(worker, 64), io);
    }
}
