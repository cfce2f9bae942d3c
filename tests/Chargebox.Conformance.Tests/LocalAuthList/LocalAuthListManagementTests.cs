using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.LocalAuthList;

/// <summary>D01 SendLocalList and D02 GetLocalListVersion (Part 6, TC_D_01-08, TC_D_10) on a station whose
/// profile has the Local Authorization List; the reference station has none and answers as a disabled list.</summary>
public sealed class LocalAuthListManagementTests
{
    private const int Configured = StationUnderTest.ConfiguredVersionNumber;

    [Fact]
    public async Task TC_D_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedWithLocalAuthListAsync();

        // 1-2. A Full list with the valid idToken: Accepted.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Full, Configured, StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);

        // 3-4. The version sent in step 1.
        Assert.Equal(Configured, await sut.GetLocalListVersionAsync());
    }

    [Fact]
    public async Task TC_D_02_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. A differential update adding valid_idtoken2: Accepted.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Differential, Configured + 1, StationUnderTest.ListEntry(StationUnderTest.ValidIdToken2, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);

        // 3-4. The version sent in step 1.
        Assert.Equal(Configured + 1, await sut.GetLocalListVersionAsync());
        Assert.Equal("2", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Entries")).AttributeValue);
    }

    [Fact]
    public async Task TC_D_03_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. A differential update with an entry without idTokenInfo removes it: Accepted.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Differential, Configured + 1, new AuthorizationData { IdToken = StationUnderTest.ValidIdToken });
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);

        // 3-4. The version sent in step 1; the token is gone.
        Assert.Equal(Configured + 1, await sut.GetLocalListVersionAsync());
        Assert.Equal("0", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Entries")).AttributeValue);
    }

    [Fact]
    public async Task TC_D_04_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. A Full update without entries empties the list: Accepted.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Full, Configured);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);

        // 3-4. The configured version.
        Assert.Equal(Configured, await sut.GetLocalListVersionAsync());
        Assert.Equal("0", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Entries")).AttributeValue);
    }

    [Fact]
    public async Task TC_D_05_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. A differential update without entries: Accepted, the list itself unchanged.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Differential, Configured + 1);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);

        // 3-4. The version sent in step 1.
        Assert.Equal(Configured + 1, await sut.GetLocalListVersionAsync());
        Assert.Equal("1", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Entries")).AttributeValue);
    }

    [Fact]
    public async Task TC_D_06_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. A differential update older than the installed list: VersionMismatch.
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Differential, Configured - 1, StationUnderTest.ListEntry(StationUnderTest.ValidIdToken2, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.VersionMismatch, sent.Status);

        // 3-4. Still the configured version.
        Assert.Equal(Configured, await sut.GetLocalListVersionAsync());
    }

    [Fact]
    public async Task TC_D_07_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // Reusable state Booted, after a power cycle: the list is in non-volatile memory (D01.FR.10).
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        // 1-2. The configured version.
        Assert.Equal(Configured, await sut.GetLocalListVersionAsync());
        Assert.Equal("1", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Entries")).AttributeValue);
    }

    [Fact]
    public async Task TC_D_08_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();

        // 1-2. The configured version.
        Assert.Equal(Configured, await sut.GetLocalListVersionAsync());
    }

    [Fact]
    public async Task TC_D_10_CS()
    {
        await using var sut = await WithValidIdTokenListedAsync();
        await sut.ConfigureAsync("LocalAuthListCtrlr", "Enabled", "false");

        // 1-2. With the list disabled the version is 0 (D02.FR.03).
        Assert.Equal(0, await sut.GetLocalListVersionAsync());
    }

    [Fact]
    public async Task ReferenceStation_HasNoList_AndAnswersAsADisabledOne()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        Assert.Equal("false", (await sut.GetVariableAsync("LocalAuthListCtrlr", "Available")).AttributeValue);
        Assert.Equal(SetVariableStatusEnumType.Rejected, (await sut.SetVariableAsync("LocalAuthListCtrlr", "Enabled", "true")).AttributeStatus);
        var sent = await sut.SendLocalListAsync(UpdateEnumType.Full, Configured, StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted));
        Assert.Equal(SendLocalListStatusEnumType.Failed, sent.Status);
        Assert.Equal(0, await sut.GetLocalListVersionAsync());
    }

    // Before: LocalAuthListEnabled true; Memory: IdTokenLocalAuthList for the valid idToken.
    private static async Task<StationUnderTest> WithValidIdTokenListedAsync()
    {
        var sut = await StationUnderTest.StartBootedWithLocalAuthListAsync();
        await sut.IdTokenLocalAuthListAsync(StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted));
        return sut;
    }
}
