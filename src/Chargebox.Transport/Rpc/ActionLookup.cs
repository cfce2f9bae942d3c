using System.Diagnostics.CodeAnalysis;
using Chargebox.Protocol;

namespace Chargebox.Transport.Rpc;

/// <summary>Finds the action named in an inbound CALL; <c>OcppActions.TryGet</c> in production, a small
/// set of test actions in the RPC tests.</summary>
internal delegate bool ActionLookup(string name, [NotNullWhen(true)] out OcppAction? action);
