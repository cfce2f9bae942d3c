using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The OCTT's side of CustomerInformation (N09, N10): the request, and the NotifyCustomerInformation
/// parts that follow it.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>Sends CustomerInformationRequest for the configured valid idToken (or another reference).</summary>
    public Task<CustomerInformationResponse> CustomerInformationAsync(int requestId, bool report, bool clear, IdTokenType? idToken = null, string? customerIdentifier = null) =>
        Connection.CallAsync(
            new CustomerInformationRequest
            {
                RequestId = requestId,
                Report = report,
                Clear = clear,
                IdToken = customerIdentifier is null ? idToken ?? ValidIdToken : idToken,
                CustomerIdentifier = customerIdentifier,
            },
            Timeout);

    /// <summary>Takes every NotifyCustomerInformationRequest of one request (steps 3 and 4, repeated while tbc is
    /// true), acknowledging each, and checks what every part must carry: the requestId, seqNo from 0 up by 1,
    /// generatedAt. Returns the parts; "all report parts have been received" holds when it returns.</summary>
    public async Task<IReadOnlyList<NotifyCustomerInformationRequest>> ExpectCustomerInformationAsync(int requestId)
    {
        var parts = new List<NotifyCustomerInformationRequest>();
        for (var seqNo = 0; ; seqNo++)
        {
            var part = await Connection.ExpectCallAsync<NotifyCustomerInformationRequest>(Timeout);
            await Connection.ReplyAsync(part, new NotifyCustomerInformationResponse());
            Assert.Equal(requestId, part.Request.RequestId);
            Assert.Equal(seqNo, part.Request.SeqNo);
            Assert.NotEqual(default, part.Request.GeneratedAt);
            parts.Add(part.Request);
            if (part.Request.Tbc != true)
            {
                return parts;
            }
        }
    }

    /// <summary>Reusable state Authorized (local) without an EV: the configured valid idToken presented and
    /// accepted by the CSMS, which puts it in the Authorization Cache (IdTokenCached).</summary>
    public async Task AuthorizedLocalAsync()
    {
        var stored = await CacheBytesAsync();
        PresentCard();
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Timeout);
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (authorize.Request.IdToken.IdToken, authorize.Request.IdToken.Type));
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });

        // The station takes the answer before the CSMS's next CALL: the cache has it.
        await WaitForCacheToGrowAsync(stored);
    }
}
