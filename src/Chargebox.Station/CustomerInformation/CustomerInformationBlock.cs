using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.CustomerInformation;

/// <summary>CustomerInformation (N09 report, N10 clear): what the station holds about one customer, named by
/// exactly one reference. IdToken: the records of <see cref="ICustomerRecords"/>. CustomerCertificate: this
/// station keeps no data per contract certificate (no ISO 15118), so there is never anything to report or
/// clear. CustomerIdentifier: not supported, as on the reference station (PICS C-14 No), so Rejected.</summary>
internal sealed class CustomerInformationBlock
{
    /// <summary>Reported after a clear without report, so the CSMS sees that it was done (N10.FR.06).</summary>
    public const string ClearedData = "Customer data cleared.";

    private readonly StationServices _services;
    private readonly ICustomerRecords _records;

    public CustomerInformationBlock(StationServices services, ICustomerRecords records)
    {
        _services = services;
        _records = records;
        services.Router.On<CustomerInformationRequest, CustomerInformationResponse>(HandleAsync);
    }

    private async ValueTask<CustomerInformationResponse> HandleAsync(CustomerInformationRequest request, CancellationToken cancellationToken)
    {
        var references = (request.IdToken is null ? 0 : 1) + (request.CustomerCertificate is null ? 0 : 1) + (request.CustomerIdentifier is null ? 0 : 1);
        if (references != 1)
        {
            // Invalid: the request must name exactly one customer reference (idToken, customerCertificate or
            // customerIdentifier); without one, or with several, it is not clear whose data is meant.
            return Answer(CustomerInformationStatusEnumType.Invalid, "InvalidValue", references == 0
                ? "The request names no customer: give idToken, customerCertificate or customerIdentifier."
                : "The request names more than one customer reference; give exactly one.");
        }

        if (!request.Report && !request.Clear)
        {
            return Answer(CustomerInformationStatusEnumType.Rejected, "InvalidValue", "Neither report nor clear is requested.");
        }

        if (request.CustomerIdentifier is not null)
        {
            // PICS C-14 No: this station does not keep customer data by a customerIdentifier.
            return Answer(CustomerInformationStatusEnumType.Rejected, "UnsupportedParam", "customerIdentifier is not supported by this station; use idToken.");
        }

        // N09.FR.05 / N10.FR.03: a report sent with a clear shows what was held before it was cleared.
        var held = request.IdToken is { } token ? _records.Describe(token) : [];
        if (request.Clear && request.IdToken is { } cleared)
        {
            // N10.FR.01: every record of this customer goes; the Local Authorization List is not among them.
            await _records.ClearAsync(cleared, cancellationToken).ConfigureAwait(false);
        }

        // N09.FR.06 / N10.FR.04: no data found is reported as one part with empty data; N10.FR.06: a clear
        // without report is confirmed by one part saying so.
        var lines = request.Report ? held : [ClearedData];
        var parts = NotifyCustomerInformationSplitter.Split(request.RequestId, _services.Clock.GetUtcNow(), lines);
        _services.Router.AfterAnswer(() =>
        {
            foreach (var part in parts)
            {
                _services.Link.Send(part);
            }
        });
        return new CustomerInformationResponse { Status = CustomerInformationStatusEnumType.Accepted };
    }

    private static CustomerInformationResponse Answer(CustomerInformationStatusEnumType status, string reasonCode, string info) => new()
    {
        Status = status,
        StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = info },
    };
}
