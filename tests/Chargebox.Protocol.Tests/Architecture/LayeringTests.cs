using System.Xml.Linq;
using Chargebox.Testing.Schemas;

namespace Chargebox.Protocol.Tests.Architecture;

/// <summary>The layers of docs/architecture.md: each project under src/ uses only the layers above it.
/// A new project reference that points up (or sideways) fails here, not in review.</summary>
public sealed class LayeringTests
{
    // Each layer and the layers it may reference.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Chargebox.Protocol"] = [],
        ["Chargebox.Transport"] = ["Chargebox.Protocol"],
        ["Chargebox.Station"] = ["Chargebox.Protocol", "Chargebox.Transport"],
        ["Chargebox.Storage"] = ["Chargebox.Protocol", "Chargebox.Transport", "Chargebox.Station"],
        ["Chargebox.Simulator"] = ["Chargebox.Protocol", "Chargebox.Transport", "Chargebox.Station"],
        ["Chargebox.Host"] = ["Chargebox.Protocol", "Chargebox.Transport", "Chargebox.Station", "Chargebox.Storage", "Chargebox.Simulator"],
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in Directory.GetFiles(RepositoryRoot.Combine("src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(project));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void A_layer_references_only_the_layers_above_it(string project)
    {
        Assert.True(Allowed.TryGetValue(project, out var allowed), $"{project} is not a known layer; add it to docs/architecture.md and to this test.");

        var references = ProjectReferences(project);

        Assert.All(references, reference => Assert.Contains(reference, allowed));
    }

    [Fact]
    public void Protocol_has_no_package_dependencies()
    {
        // "No I/O": the protocol layer is System.Text.Json and the base library only.
        var document = XDocument.Load(ProjectFile("Chargebox.Protocol"));

        Assert.Empty(document.Descendants("PackageReference"));
        Assert.Empty(document.Descendants("FrameworkReference"));
    }

    private static string ProjectFile(string project) => RepositoryRoot.Combine(Path.Combine("src", project, project + ".csproj"));

    private static IReadOnlyList<string> ProjectReferences(string project) =>
        XDocument.Load(ProjectFile(project))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
}
