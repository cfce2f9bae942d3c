using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.CustomerInformation;

/// <summary>N09 Get Customer Information and N10 Clear Customer Information (Part 6, TC_N_27 to TC_N_32, TC_N_62).
/// The reference station's customer data is its Authorization Cache; it has no Local Authorization List
/// (LocalAuthListCtrlr.Enabled cannot be set: the "if implemented" steps are left out) and does not support
/// a customerIdentifier (PICS C-14 No).</summary>
public sealed class CustomerInformationTests
{
    [Fact]
    public async Task TC_N_27_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCacheCtrlr", "Enabled", "true");
        await sut.AuthorizedLocalAsync();

        // 1-2. CustomerInformation report true, the configured idToken: Accepted.
        var response = await sut.CustomerInformationAsync(2701, report: true, clear: false);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);

        // 3-4. NotifyCustomerInformation: data not empty; all report parts received.
        var parts = await sut.ExpectCustomerInformationAsync(2701);
        Assert.NotEmpty(parts[0].Data);
        Assert.Contains(StationUnderTest.ValidIdToken.IdToken, string.Concat(parts.Select(p => p.Data)));
    }

    [Fact]
    public async Task TC_N_28_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before, Memory: the CSMS had the customer information of the idToken cleared.
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, (await sut.CustomerInformationAsync(2800, report: false, clear: true)).Status);
        await sut.ExpectCustomerInformationAsync(2800);

        // 1-2. CustomerInformation report true: Accepted.
        var response = await sut.CustomerInformationAsync(2801, report: true, clear: false);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);

        // 3-4. NotifyCustomerInformation: tbc not true; a message indicating that no data was found (empty data).
        var part = Assert.Single(await sut.ExpectCustomerInformationAsync(2801));
        Assert.NotEqual(true, part.Tbc);
        Assert.Equal("", part.Data);
    }

    [Fact]
    public async Task TC_N_30_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCacheCtrlr", "Enabled", "true");
        await sut.AuthorizedLocalAsync();

        // 1-2. CustomerInformation report true, clear true: Accepted.
        var response = await sut.CustomerInformationAsync(3001, report: true, clear: true);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);

        // 3-4. NotifyCustomerInformation with the data held before the clear: not empty.
        var parts = await sut.ExpectCustomerInformationAsync(3001);
        Assert.NotEmpty(parts[0].Data);

        // 5-8. A second report: Accepted, then a NotifyCustomerInformation with tbc not true; the data is gone.
        var again = await sut.CustomerInformationAsync(3002, report: true, clear: false);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, again.Status);
        var after = Assert.Single(await sut.ExpectCustomerInformationAsync(3002));
        Assert.NotEqual(true, after.Tbc);
        Assert.Equal("", after.Data);
    }

    [Fact]
    public async Task TC_N_31_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. CustomerInformation report true, clear true for an idToken the station knows nothing of: Accepted.
        var response = await sut.CustomerInformationAsync(3101, report: true, clear: true);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);

        // 3-4. A message indicating that no data was found.
        var part = Assert.Single(await sut.ExpectCustomerInformationAsync(3101));
        Assert.Equal("", part.Data);
    }

    [Fact]
    public async Task TC_N_32_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. CustomerInformation report false, clear true: Accepted.
        var response = await sut.CustomerInformationAsync(3201, report: false, clear: true);
        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);

        // 3-4. A message indicating that the data is cleared.
        var part = Assert.Single(await sut.ExpectCustomerInformationAsync(3201));
        Assert.Contains("cleared", part.Data, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>TC_N_62 applies only to a station that supports a customerIdentifier (C-14). The reference station
    /// does not (PICS C-14 No), so what is checked is its refusal: Rejected, and no NotifyCustomerInformation.</summary>
    [Fact]
    public async Task TC_N_62_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.CustomerInformationAsync(6201, report: true, clear: true, customerIdentifier: "CUSTOMER-0042");

        Assert.Equal(CustomerInformationStatusEnumType.Rejected, response.Status);
        Assert.Equal("UnsupportedParam", response.StatusInfo?.ReasonCode);

        // A later round trip is answered after anything the station would have sent in between.
        await sut.GetVariableAsync("OCPPCommCtrlr", "OfflineThreshold");
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("NotifyCustomerInformation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task N09_a_request_without_a_customer_reference_is_Invalid()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.Connection.CallAsync(new CustomerInformationRequest { RequestId = 1, Report = true, Clear = false }, StationUnderTest.Timeout);

        Assert.Equal(CustomerInformationStatusEnumType.Invalid, response.Status);
    }

    [Fact]
    public async Task N09_a_request_with_neither_report_nor_clear_is_Rejected()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.CustomerInformationAsync(2, report: false, clear: false);

        Assert.Equal(CustomerInformationStatusEnumType.Rejected, response.Status);
    }

    [Fact]
    public async Task N10_a_customerCertificate_is_accepted_and_reports_no_data()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.Connection.CallAsync(
            new CustomerInformationRequest
            {
                RequestId = 3,
                Report = true,
                Clear = true,
                CustomerCertificate = new CertificateHashDataType { HashAlgorithm = HashAlgorithmEnumType.SHA256, IssuerNameHash = "a1", IssuerKeyHash = "b2", SerialNumber = "01" },
            },
            StationUnderTest.Timeout);

        Assert.Equal(CustomerInformationStatusEnumType.Accepted, response.Status);
        Assert.Equal("", Assert.Single(await sut.ExpectCustomerInformationAsync(3)).Data);
    }
}
