namespace Chargebox.SchemaGen;

/// <summary>The schemas (or the direction table) do not fit what the generator can turn into code; the
/// message names the file and the place.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
