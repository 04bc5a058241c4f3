namespace Events.Core.Mail;

/// <summary>Exponential retry delay: base × 2^(attempts−1), capped, so a server that is down is not hammered.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts, TimeSpan baseDelay, TimeSpan max)
    {
        if (attempts <= 0) return TimeSpan.Zero;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var ticks = Math.Min(baseDelay.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
