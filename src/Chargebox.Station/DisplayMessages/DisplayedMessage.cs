using Chargebox.Protocol.Messages;

namespace Chargebox.Station;

/// <summary>A message on the station's display now (functional block O), for its host.</summary>
/// <param name="Id">The message's id as the CSMS set it.</param>
/// <param name="Priority">AlwaysFront, InFront or NormalCycle.</param>
/// <param name="Format">The content's format (ASCII, HTML, URI, UTF8).</param>
/// <param name="Content">What the display shows.</param>
/// <param name="TransactionId">The transaction the message belongs to, if any.</param>
public sealed record DisplayedMessage(int Id, MessagePriorityEnumType Priority, MessageFormatEnumType Format, string Content, string? TransactionId);
