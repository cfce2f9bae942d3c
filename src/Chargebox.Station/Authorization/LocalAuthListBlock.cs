using System.Globalization;
using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Authorization;

/// <summary>Functional block D: SendLocalList (D01) updates the Local Authorization List, GetLocalListVersion
/// (D02) reports its version. A station without the list (LocalAuthListCtrlr.Available false, the reference
/// station), or with it switched off (Enabled false), answers as the specification says for a disabled list:
/// version 0 (D02.FR.03) and no update (Failed).</summary>
internal sealed partial class LocalAuthListBlock
{
    private readonly StationServices _services;
    private readonly LocalAuthList _list;
    private readonly LocalAuthListCtrlr _ctrlr;
    private readonly ILogger _logger;

    public LocalAuthListBlock(StationServices services, LocalAuthList list)
    {
        _services = services;
        _list = list;
        _ctrlr = new LocalAuthListCtrlr(services.DeviceModel);
        _logger = services.LoggerFactory.CreateLogger<LocalAuthListBlock>();
        services.Router.On<SendLocalListRequest, SendLocalListResponse>(OnSendLocalListAsync);
        services.Router.On<GetLocalListVersionRequest, GetLocalListVersionResponse>(OnGetLocalListVersionAsync);

        // The stored list is read first thing on the loop, and LocalAuthListCtrlr.Entries reports its size.
        services.Inbox.Post(async ct =>
        {
            await _list.LoadAsync(ct).ConfigureAwait(false);
            ReportEntries();
        });
    }

    private async ValueTask<GetLocalListVersionResponse> OnGetLocalListVersionAsync(GetLocalListVersionRequest request, CancellationToken cancellationToken)
    {
        // D02.FR.03: with the list disabled the answer is 0, whatever is stored; D02.FR.02: 0 = no list.
        if (!_ctrlr.InUse)
        {
            return new GetLocalListVersionResponse { VersionNumber = 0 };
        }

        await _list.LoadAsync(cancellationToken).ConfigureAwait(false);
        return new GetLocalListVersionResponse { VersionNumber = _list.VersionNumber };
    }

    private async ValueTask<SendLocalListResponse> OnSendLocalListAsync(SendLocalListRequest request, CancellationToken cancellationToken)
    {
        var response = await DecideAsync(request, cancellationToken).ConfigureAwait(false);
        LogUpdate(_logger, _services.StationId, request.UpdateType, request.VersionNumber, request.LocalAuthorizationList?.Count ?? 0, response.Status);
        return response;
    }

    private async ValueTask<SendLocalListResponse> DecideAsync(SendLocalListRequest request, CancellationToken cancellationToken)
    {
        if (!_ctrlr.Available)
        {
            return Failed("UnsupportedRequest", "This station has no Local Authorization List (LocalAuthListCtrlr.Available is false).");
        }

        if (!_ctrlr.InUse)
        {
            return Failed("NotEnabled", "The Local Authorization List is disabled (LocalAuthListCtrlr.Enabled is false).");
        }

        var items = request.LocalAuthorizationList ?? [];

        // D01.FR.11 makes the CSMS split a list by ItemsPerMessage and BytesPerMessage. The request is valid for
        // its schema, so a list that ignores them is refused with a status, not a CALLERROR, and changes nothing.
        if (items.Count > _ctrlr.ItemsPerMessage)
        {
            return Failed("TooManyElements", $"localAuthorizationList has {items.Count} entries; LocalAuthListCtrlr.ItemsPerMessage is {_ctrlr.ItemsPerMessage}.");
        }

        var bytes = OcppPayloadCodec.WriteToArray(request, ((IOcppRequest)request).Action.RequestTypeInfo).Length;
        if (bytes > _ctrlr.BytesPerMessage)
        {
            return Failed("TooLargeElement", $"the request has {bytes} bytes; LocalAuthListCtrlr.BytesPerMessage is {_ctrlr.BytesPerMessage}.");
        }

        // D01.FR.18: 0 means "no list installed", so no update may carry it.
        if (request.VersionNumber <= 0)
        {
            return Failed("ValuePositiveOnly", $"versionNumber {request.VersionNumber} must be greater than 0.");
        }

        // D01.FR.06: every token is in the list once.
        if (items.GroupBy(i => LocalAuthList.Key(i.IdToken)).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return Failed("InvalidValue", $"idToken '{duplicate.Key.Item1}' ({duplicate.Key.Item2}) appears more than once.");
        }

        await _list.LoadAsync(cancellationToken).ConfigureAwait(false);
        var response = request.UpdateType == UpdateEnumType.Full
            ? await ReplaceAsync(request.VersionNumber, items, cancellationToken).ConfigureAwait(false)
            : await UpdateAsync(request.VersionNumber, items, cancellationToken).ConfigureAwait(false);
        ReportEntries();
        return response;
    }

    private async ValueTask<SendLocalListResponse> ReplaceAsync(int versionNumber, IReadOnlyList<AuthorizationData> items, CancellationToken cancellationToken)
    {
        // In a full list every token needs what the CSMS says of it; removing is for differential updates (D01.FR.17).
        if (items.FirstOrDefault(i => i.IdTokenInfo is null) is { } bare)
        {
            return Failed("MissingParam", $"idToken '{bare.IdToken.IdToken}' has no idTokenInfo; a Full list gives it for every entry.");
        }

        // D01.FR.12: never more tokens than LocalAuthListCtrlr.Entries' maxLimit.
        if (items.Count > _ctrlr.MaxEntries)
        {
            return Failed("OutOfStorage", $"the list would hold {items.Count} tokens; LocalAuthListCtrlr.Entries allows {_ctrlr.MaxEntries}.");
        }

        await _list.ReplaceAsync(versionNumber, [.. items.Select(i => new LocalAuthListEntry(i.IdToken, i.IdTokenInfo!))], cancellationToken).ConfigureAwait(false);
        return Accepted;
    }

    private async ValueTask<SendLocalListResponse> UpdateAsync(int versionNumber, IReadOnlyList<AuthorizationData> items, CancellationToken cancellationToken)
    {
        // D01.FR.19: a differential update applies only on top of an older version.
        if (versionNumber <= _list.VersionNumber)
        {
            return new SendLocalListResponse
            {
                Status = SendLocalListStatusEnumType.VersionMismatch,
                StatusInfo = new StatusInfoType { ReasonCode = "InvalidValue", AdditionalInfo = $"versionNumber {versionNumber} is not greater than the installed version {_list.VersionNumber}." },
            };
        }

        // D01.FR.16: an entry with idTokenInfo is added or replaced; D01.FR.17: one without is removed.
        // D01.FR.05: with no entries only the version changes.
        var upserts = items.Where(i => i.IdTokenInfo is not null).Select(i => new LocalAuthListEntry(i.IdToken, i.IdTokenInfo!)).ToList();
        var removals = items.Where(i => i.IdTokenInfo is null).Select(i => i.IdToken).ToList();
        var count = _list.CountAfter(upserts.Select(u => u.IdToken), removals);
        if (count > _ctrlr.MaxEntries)
        {
            return Failed("OutOfStorage", $"the list would hold {count} tokens; LocalAuthListCtrlr.Entries allows {_ctrlr.MaxEntries}.");
        }

        await _list.UpdateAsync(versionNumber, upserts, removals, cancellationToken).ConfigureAwait(false);
        return Accepted;
    }

    // LocalAuthListCtrlr.Entries: the tokens in the list now.
    private void ReportEntries()
    {
        if (_ctrlr.Available)
        {
            _services.DeviceModel.UpdateActual(LocalAuthListCtrlr.Component, LocalAuthListCtrlr.EntriesVariable, _list.Count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static SendLocalListResponse Accepted => new() { Status = SendLocalListStatusEnumType.Accepted };

    private static SendLocalListResponse Failed(string reasonCode, string additionalInfo) => new()
    {
        Status = SendLocalListStatusEnumType.Failed,
        StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = additionalInfo },
    };

    [LoggerMessage(EventId = 3511, Level = LogLevel.Information, Message = "Station {StationId}: SendLocalList {UpdateType} version {VersionNumber} with {Items} entries: {Status}")]
    private static partial void LogUpdate(ILogger logger, string stationId, UpdateEnumType updateType, int versionNumber, int items, SendLocalListStatusEnumType status);
}
