using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The Local Authorization List material of blocks C and D: a station whose profile has the list
/// (the reference station has none), the OCTT's configured versionNumber, the memory state
/// IdTokenLocalAuthList, and SendLocalList / GetLocalListVersion from the CSMS.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>&lt;Configured versionNumber&gt; (&gt; 1, as TC_D_06 needs).</summary>
    public const int ConfiguredVersionNumber = 5;

    /// <summary>The station under test with a Local Authorization List of 100 entries, 20 per message.</summary>
    public static StationUnderTestSetup WithLocalAuthList { get; } = new()
    {
        Station = options =>
        {
            var profile = StationProfile.Reference;
            profile.LocalAuthList = new LocalAuthListProfile { Entries = 100, ItemsPerMessage = 20, BytesPerMessage = 16384 };
            return options with { Profile = profile };
        },
    };

    /// <summary>Booted (General pre-conditions) with the list available and enabled (LocalAuthListEnabled true).</summary>
    public static Task<StationUnderTest> StartBootedWithLocalAuthListAsync() => StartBootedAsync(WithLocalAuthList);

    public static AuthorizationData ListEntry(IdTokenType token, AuthorizationStatusEnumType status, IdTokenType? group = null) =>
        new() { IdToken = token, IdTokenInfo = Info(status, group) };

    public Task<SendLocalListResponse> SendLocalListAsync(UpdateEnumType updateType, int versionNumber, params AuthorizationData[] entries) =>
        Connection.CallAsync(
            new SendLocalListRequest { UpdateType = updateType, VersionNumber = versionNumber, LocalAuthorizationList = entries.Length == 0 ? null : entries },
            Timeout);

    public async Task<int> GetLocalListVersionAsync() =>
        (await Connection.CallAsync(new GetLocalListVersionRequest(), Timeout)).VersionNumber;

    /// <summary>Memory state IdTokenLocalAuthList: the tokens are installed in the list with a Full update of
    /// <see cref="ConfiguredVersionNumber"/>.</summary>
    public async Task IdTokenLocalAuthListAsync(params AuthorizationData[] entries)
    {
        var sent = await SendLocalListAsync(UpdateEnumType.Full, ConfiguredVersionNumber, entries);
        Assert.Equal(SendLocalListStatusEnumType.Accepted, sent.Status);
    }
}
