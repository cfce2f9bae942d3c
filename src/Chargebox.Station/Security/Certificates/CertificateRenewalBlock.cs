using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security.Certificates;

/// <summary>Renewal of the station's certificate (A02 by request of the CSMS through TriggerMessage, A03 by the
/// station): a new key made and kept on the station, its CSR sent in SignCertificateRequest, and the certificate
/// chain returned in CertificateSigned checked before it replaces the old certificate for the next TLS
/// connection (A02.FR.08). The retry of an unanswered request (A02.FR.17, PICS AS-3) is not supported.</summary>
internal sealed partial class CertificateRenewalBlock
{
    private readonly StationServices _services;
    private readonly StationCertificates _certificates;
    private readonly CertificateManagementBlock _management;
    private readonly ILogger _logger;
    private byte[]? _pendingKey;

    public CertificateRenewalBlock(StationServices services, StationCertificates certificates, CertificateManagementBlock management)
    {
        _services = services;
        _certificates = certificates;
        _management = management;
        _logger = services.LoggerFactory.CreateLogger("Chargebox.Station.Security.Certificates");
        services.Router.On<CertificateSignedRequest, CertificateSignedResponse>(CertificateSignedAsync);
    }

    /// <summary>TriggerMessage SignChargingStationCertificate (F06): the request goes out after the answer.</summary>
    public TriggerMessageStatusEnumType Trigger(TriggerMessageRequest request)
    {
        _services.Router.AfterAnswer(() => _services.Inbox.Post(SendSignCertificateAsync));
        return TriggerMessageStatusEnumType.Accepted;
    }

    /// <summary>A02.FR.02, A03.FR.02: a new key pair and a SignCertificateRequest with its CSR.</summary>
    public async ValueTask SendSignCertificateAsync(CancellationToken cancellationToken)
    {
        var (csr, key) = CertificateSigningRequest.Create(_services.StationId, _services.DeviceModel.Security.OrganizationName);
        // The key is durable before the CSR leaves, so the certificate still fits after a reboot in between.
        await _services.Store.Certificates.SavePendingKeyAsync(key, cancellationToken).ConfigureAwait(false);
        _pendingKey = key;
        _services.Link.Send(
            new SignCertificateRequest { Csr = csr, CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate },
            (response, _) =>
            {
                if (response.Status != GenericStatusEnumType.Accepted)
                {
                    LogSigningRefused(_logger, response.StatusInfo?.ReasonCode ?? "");
                }

                return ValueTask.CompletedTask;
            });
    }

    private async ValueTask<CertificateSignedResponse> CertificateSignedAsync(CertificateSignedRequest request, CancellationToken cancellationToken)
    {
        if (request.CertificateType == CertificateSigningUseEnumType.V2GCertificate)
        {
            return Rejected("UnsupportedParam", "The station has no ISO 15118 certificate.");
        }

        var key = _pendingKey ??= await _services.Store.Certificates.LoadPendingKeyAsync(cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return Rejected("InvalidMessageSeq", "The station has no outstanding signing request.");
        }

        var model = _services.DeviceModel;
        var expected = new ChargingStationCertificateCheck.Expectation(
            _services.StationId,
            model.Security.OrganizationName,
            key,
            _certificates.Roots(InstallCertificateUseEnumType.CSMSRootCertificate),
            model.Security.MaxCertificateChainSize,
            _services.Clock.GetUtcNow());
        var chain = ChargingStationCertificateCheck.Check(request.CertificateChain, expected, out var refusal);
        if (chain is null)
        {
            // A02.FR.07, A03.FR.07: an invalid certificate is refused and reported as a security event.
            _services.SecurityEvents.Raise(SecurityEventType.InvalidChargingStationCertificate, refusal!.Value.Text);
            return Rejected(refusal.Value.ReasonCode, refusal.Value.Text);
        }

        await _certificates.ReplaceStationCertificateAsync(chain[0], [.. chain.Skip(1)], key, cancellationToken).ConfigureAwait(false);
        chain.ForEach(c => c.Dispose());
        await _services.Store.Certificates.SavePendingKeyAsync(null, cancellationToken).ConfigureAwait(false);
        _pendingKey = null;
        _management.ReportEntries();
        return new CertificateSignedResponse { Status = CertificateSignedStatusEnumType.Accepted };
    }

    private static CertificateSignedResponse Rejected(string reasonCode, string text) => new()
    {
        Status = CertificateSignedStatusEnumType.Rejected,
        StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = text.Length > 512 ? text[..512] : text },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CSMS refused to sign the station's certificate ({ReasonCode})")]
    private static partial void LogSigningRefused(ILogger logger, string reasonCode);
}
