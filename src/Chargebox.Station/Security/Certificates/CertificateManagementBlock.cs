using System.Globalization;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Security.Certificates;

/// <summary>Certificate management by the CSMS (M03 GetInstalledCertificateIds, M04 DeleteCertificate, M05
/// InstallCertificate) over the station's store, which holds at most CertificateEntries' maxLimit certificates.</summary>
internal sealed class CertificateManagementBlock
{
    private static readonly ComponentKey SecurityCtrlr = new("SecurityCtrlr");
    private static readonly VariableKey CertificateEntries = new("CertificateEntries");

    private static readonly GetCertificateIdUseEnumType[] RootTypes =
    [
        GetCertificateIdUseEnumType.CSMSRootCertificate,
        GetCertificateIdUseEnumType.ManufacturerRootCertificate,
        GetCertificateIdUseEnumType.V2GRootCertificate,
        GetCertificateIdUseEnumType.MORootCertificate,
        GetCertificateIdUseEnumType.V2GCertificateChain,
    ];

    private readonly StationServices _services;
    private readonly StationCertificates _certificates;

    public CertificateManagementBlock(StationServices services, StationCertificates certificates)
    {
        _services = services;
        _certificates = certificates;
        services.Router.On<InstallCertificateRequest, InstallCertificateResponse>(InstallAsync);
        services.Router.On<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>(GetInstalledCertificateIds);
        services.Router.On<DeleteCertificateRequest, DeleteCertificateResponse>(DeleteAsync);
        ReportEntries();
    }

    /// <summary>Keeps SecurityCtrlr.CertificateEntries equal to the number of installed certificates.</summary>
    public void ReportEntries() =>
        _services.DeviceModel.UpdateActual(SecurityCtrlr, CertificateEntries, _certificates.All.Count.ToString(CultureInfo.InvariantCulture));

    private int MaxEntries =>
        (int)(_services.DeviceModel.Find(SecurityCtrlr, CertificateEntries)?.Characteristics.MaxLimit ?? int.MaxValue);

    private async ValueTask<InstallCertificateResponse> InstallAsync(InstallCertificateRequest request, CancellationToken cancellationToken)
    {
        // M05.FR.03, M05.FR.07: an invalid or expired certificate is Rejected and nothing is installed.
        var root = RootCertificateCheck.Check(request.Certificate, _services.Clock.GetUtcNow(), out var refusal);
        if (root is null)
        {
            return new InstallCertificateResponse { Status = InstallCertificateStatusEnumType.Rejected, StatusInfo = refusal };
        }

        var use = CertificateUse.Of(request.CertificateType);
        if (_certificates.Contains(use, root))
        {
            root.Dispose();
            return new InstallCertificateResponse { Status = InstallCertificateStatusEnumType.Accepted };
        }

        if (_certificates.All.Count >= MaxEntries)
        {
            root.Dispose();
            return new InstallCertificateResponse
            {
                Status = InstallCertificateStatusEnumType.Failed,
                StatusInfo = new StatusInfoType { ReasonCode = "OutOfStorage", AdditionalInfo = $"The store holds {MaxEntries} certificates (CertificateEntries)." },
            };
        }

        await _certificates.AddRootAsync(use, root, cancellationToken).ConfigureAwait(false);
        ReportEntries();
        return new InstallCertificateResponse { Status = InstallCertificateStatusEnumType.Accepted };
    }

    private GetInstalledCertificateIdsResponse GetInstalledCertificateIds(GetInstalledCertificateIdsRequest request)
    {
        // M03.FR.04: only the requested types; none requested means all of them.
        var wanted = request.CertificateType is { Count: > 0 } types ? types : RootTypes;
        var chain = new List<CertificateHashDataChainType>();
        foreach (var installed in _certificates.All)
        {
            if (CertificateUse.AsIdUse(installed.Use) is { } type && wanted.Contains(type) && _certificates.IssuerOf(installed) is { } issuer)
            {
                chain.Add(new CertificateHashDataChainType
                {
                    CertificateType = type,
                    CertificateHashData = CertificateHashes.Of(installed.Certificate, issuer, HashAlgorithmEnumType.SHA256),
                });
            }
        }

        // M03.FR.02: nothing of the requested types is NotFound, without a list.
        return chain.Count == 0
            ? new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.NotFound }
            : new GetInstalledCertificateIdsResponse { Status = GetInstalledCertificateStatusEnumType.Accepted, CertificateHashDataChain = chain };
    }

    private async ValueTask<DeleteCertificateResponse> DeleteAsync(DeleteCertificateRequest request, CancellationToken cancellationToken)
    {
        var found = _certificates.All.FirstOrDefault(c =>
            _certificates.IssuerOf(c) is { } issuer && CertificateHashes.Matches(request.CertificateHashData, c.Certificate, issuer));
        if (found is null)
        {
            // M04.FR.04.
            return new DeleteCertificateResponse { Status = DeleteCertificateStatusEnumType.NotFound };
        }

        if (found.Use == CertificateUse.ChargingStationCertificate)
        {
            // M04.FR.06: the station's own certificate is never deleted (PICS AQ-3: No); it is replaced by A02.
            return new DeleteCertificateResponse
            {
                Status = DeleteCertificateStatusEnumType.Failed,
                StatusInfo = new StatusInfoType { ReasonCode = "UnsupportedRequest", AdditionalInfo = "The ChargingStationCertificate cannot be deleted." },
            };
        }

        // PICS AQ-1: the last CSMSRootCertificate may be deleted too.
        await _certificates.RemoveAsync(found, cancellationToken).ConfigureAwait(false);
        ReportEntries();
        return new DeleteCertificateResponse { Status = DeleteCertificateStatusEnumType.Accepted };
    }
}
