using System.Text;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Files;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>The OCTT's firmware configuration for block L, made at test time: a file server holding a firmware
/// image (its first line is the version the simulated installer reports), the manufacturer PKI whose root the
/// station trusts, the configured signing certificate and signature, and a file transfer the test can hold.</summary>
internal sealed class ConfiguredFirmware : IAsyncDisposable
{
    public const string Version = "2.0.1-conformance";

    private ConfiguredFirmware(TestHttpFileServer server, FirmwareSigningPki pki)
    {
        Server = server;
        Pki = pki;
        Image = Encoding.UTF8.GetBytes(Version + "\nChargebox firmware image for the L test cases.\n");
        Location = server.Serve("firmware/chargebox-2.0.1.bin", Image);
        Transfer = new HeldFileTransfer(new HttpFileTransfer(new HttpClient()));
    }

    public TestHttpFileServer Server { get; }

    public FirmwareSigningPki Pki { get; }

    public byte[] Image { get; }

    /// <summary>&lt;Configured firmware_location&gt;.</summary>
    public Uri Location { get; }

    /// <summary>The station's file transfer: HTTP, with downloads the test can hold.</summary>
    public HeldFileTransfer Transfer { get; }

    /// <summary>The station trusts the manufacturer root and downloads through <see cref="Transfer"/>.</summary>
    public StationUnderTestSetup Setup => new()
    {
        // The install-time jumps cross clock-aligned boundaries (AlignedDataCtrlr.Interval 900 s): the OCTT
        // acknowledges those MeterValues, which are no step of block L.
        Csms = options =>
        {
            options.AutoReplies["MeterValues"] = (_, _) => new System.Text.Json.Nodes.JsonObject();
            return options;
        },
        Station = options => options with { ManufacturerRootCertificates = Pki.ManufacturerRootCertificates, FileTransfer = Transfer },
    };

    /// <summary>Starts the file server; certificates are valid at <paramref name="now"/> (the harness's fake clock).</summary>
    public static async Task<ConfiguredFirmware> StartAsync(DateTimeOffset now) =>
        new(await TestHttpFileServer.StartAsync(), FirmwareSigningPki.Create(now));

    /// <summary>An UpdateFirmwareRequest with the configured location, signing certificate and signature,
    /// retrieveDateTime and installDateTime two hours ago (the Part 6 defaults).</summary>
    public UpdateFirmwareRequest Request(int requestId, DateTimeOffset now, DateTimeOffset? retrieve = null, DateTimeOffset? install = null, string? location = null, FirmwareSigner? signer = null, string? signature = null) => new()
    {
        RequestId = requestId,
        Firmware = new FirmwareType
        {
            Location = location ?? Location.ToString(),
            RetrieveDateTime = retrieve ?? now.AddHours(-2),
            InstallDateTime = install ?? now.AddHours(-2),
            SigningCertificate = (signer ?? Pki.Signer).CertificatePem,
            Signature = signature ?? (signer ?? Pki.Signer).Sign(Image),
        },
    };

    public async ValueTask DisposeAsync()
    {
        Transfer.Release();
        await Server.DisposeAsync();
        Pki.Dispose();
    }
}
