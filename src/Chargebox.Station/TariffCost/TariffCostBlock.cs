using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.TariffCost;

/// <summary>Functional block I (I02, I03): shows the driver the tariff, the running cost and the total cost the
/// CSMS sends. Nothing is persisted: after a reboot the CSMS's next answer shows the cost again. Used only from
/// the station's loop.</summary>
internal sealed class TariffCostBlock
{
    private readonly TariffCostCtrlr _ctrlr;
    private readonly List<CostShown> _shown = [];
    private string? _pendingTariff;

    public TariffCostBlock(StationServices services)
    {
        _ctrlr = new TariffCostCtrlr(services.DeviceModel);
        services.Router.On<CostUpdatedRequest, CostUpdatedResponse>(CostUpdatedAsync);
    }

    /// <summary>I01/I02: the personal message of an accepted AuthorizeResponse is the driver's tariff, shown
    /// until the transaction it starts takes it over.</summary>
    public void OnAuthorized(IdTokenInfoType info)
    {
        if (info.Status == AuthorizationStatusEnumType.Accepted && _ctrlr.TariffEnabled)
        {
            _pendingTariff = info.PersonalMessage?.Content ?? Fallback(_ctrlr.TariffFallbackMessage);
        }
    }

    /// <summary>I02.FR.02 (TC_I_07): totalCost of a TransactionEventResponse is the running cost; of the Ended
    /// event's response the total cost (I03.FR.01, TC_I_02). updatedPersonalMessage replaces the tariff text.</summary>
    public ValueTask OnTransactionEventAnsweredAsync(TransactionEventRequest request, TransactionEventResponse response, CancellationToken cancellationToken)
    {
        var index = Find(request.TransactionInfo.TransactionId);
        if (index < 0)
        {
            // A new transaction: the totals of ended ones leave the display.
            _shown.RemoveAll(c => c.Final);
            _shown.Add(new CostShown(request.TransactionInfo.TransactionId, _pendingTariff ?? TariffFallback(), null, _ctrlr.Currency, false, null));
            _pendingTariff = null;
            index = _shown.Count - 1;
        }

        var shown = _shown[index];
        if (_ctrlr.TariffEnabled && (response.UpdatedPersonalMessage ?? response.IdTokenInfo?.PersonalMessage) is { } message)
        {
            shown = shown with { Tariff = message.Content };
        }

        if (_ctrlr.CostEnabled && response.TotalCost is { } cost && !shown.Final)
        {
            shown = shown with { Cost = cost, Currency = _ctrlr.Currency };
        }

        if (request.EventType == TransactionEventEnumType.Ended && !shown.Final)
        {
            // I03.FR.03: no total cost from the CSMS: the station shows TotalCostFallbackMessage instead.
            shown = shown with
            {
                Final = true,
                Cost = _ctrlr.CostEnabled ? response.TotalCost : null,
                CostMessage = _ctrlr.CostEnabled && response.TotalCost is null ? Fallback(_ctrlr.TotalCostFallbackMessage) : null,
            };
        }

        _shown[index] = shown;
        return ValueTask.CompletedTask;
    }

    /// <summary>What the display shows of tariff and cost now: the authorized driver's tariff (no transaction
    /// yet) and one entry per transaction, the ended ones with their total until the next transaction.</summary>
    public IReadOnlyList<CostShown> Shown()
    {
        var shown = new List<CostShown>(_shown.Count + 1);
        if (_pendingTariff is { } tariff)
        {
            shown.Add(new CostShown(null, tariff, null, _ctrlr.Currency, false, null));
        }

        shown.AddRange(_shown);
        return shown;
    }

    /// <summary>I02.FR.02 (TC_I_01): the running cost of a running transaction. CostUpdatedResponse carries no
    /// status, so a cost for a transaction the station does not run (or has ended) is answered and ignored.</summary>
    private ValueTask<CostUpdatedResponse> CostUpdatedAsync(CostUpdatedRequest request, CancellationToken cancellationToken)
    {
        var index = Find(request.TransactionId);
        if (index >= 0 && !_shown[index].Final && _ctrlr.CostEnabled)
        {
            _shown[index] = _shown[index] with { Cost = request.TotalCost, Currency = _ctrlr.Currency };
        }

        return ValueTask.FromResult(new CostUpdatedResponse());
    }

    private int Find(string transactionId) => _shown.FindIndex(c => string.Equals(c.TransactionId, transactionId, StringComparison.Ordinal));

    private string? TariffFallback() => _ctrlr.TariffEnabled ? Fallback(_ctrlr.TariffFallbackMessage) : null;

    private static string? Fallback(string message) => message.Length > 0 ? message : null;
}
