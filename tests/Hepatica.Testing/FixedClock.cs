using Microsoft.Extensions.Time.Testing;

namespace Hepatica.Tests;

/// <summary>
/// A clock tests set and move: <see cref="FakeTimeProvider"/> (its timers fire only when the clock is moved) starting at
/// <paramref name="now"/>, with <see cref="Now"/> to read or move it forward.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : FakeTimeProvider(now)
{
    /// <summary>The current instant; setting it moves the clock (forward only, as <see cref="FakeTimeProvider.SetUtcNow"/> requires).</summary>
    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => SetUtcNow(value);
    }
}
