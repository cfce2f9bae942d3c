namespace Chargebox.Host.Fleet;

/// <summary>A duration drawn uniformly between two bounds (whole seconds, both included).</summary>
internal readonly record struct SecondsRange(int Min, int Max)
{
    public TimeSpan Draw(Random random) => TimeSpan.FromSeconds(random.Next(Min, Max + 1));

    public override string ToString() => $"{Min}..{Max}";
}
