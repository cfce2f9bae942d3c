using System.Text;

namespace Chargebox.Protocol.Validation;

/// <summary>The JSON path of a violation, collected from the innermost field outwards while the
/// validator unwinds. Only built when a payload is refused, so the success path allocates nothing.</summary>
internal sealed class PayloadPath
{
    /// <summary>Property names coming from the payload itself are cut to this length, so that one
    /// absurd name cannot fill the whole description.</summary>
    private const int MaxNameLength = 64;

    private readonly List<(string? Name, int Index)> innermostFirst = [];

    public void AddProperty(string name) => innermostFirst.Add((name, -1));

    public void AddIndex(int index) => innermostFirst.Add((null, index));

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = innermostFirst.Count - 1; i >= 0; i--)
        {
            var (name, index) = innermostFirst[i];
            if (name is null)
            {
                text.Append('[').Append(index).Append(']');
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('.');
            }

            if (name.Length > MaxNameLength)
            {
                text.Append(name.AsSpan(0, MaxNameLength)).Append("...");
            }
            else
            {
                text.Append(name);
            }
        }

        return text.ToString();
    }
}
