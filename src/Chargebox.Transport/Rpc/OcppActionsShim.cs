using System.Diagnostics.CodeAnalysis;
using Chargebox.Protocol;

namespace Chargebox.Transport.Rpc;

// TEMPORARY until the generated registry (branch gen) is merged: knows no action. Delete on merge.
internal static class OcppActions
{
    public static bool TryGet(string name, [NotNullWhen(true)] out OcppAction? action)
    {
        _ = name;
        action = null;
        return false;
    }
}
