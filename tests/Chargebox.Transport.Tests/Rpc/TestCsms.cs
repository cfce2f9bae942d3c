using System.Text;
using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>The CSMS end of an in-memory connection, driven by the test frame by frame.</summary>
internal sealed class TestCsms(InMemoryOcppChannel channel)
{
    public int Waiting => channel.Waiting;

    public async Task<ReceivedFrame> ReceiveAsync()
    {
        var result = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(RpcHarness.Guard, TimeProvider.System);
        Assert.False(result.IsClosed, "The station closed the connection.");
        return ReceivedFrame.Read(result.Frame);
    }

    public Task SendAsync(string frame) => channel.SendAsync(Encoding.UTF8.GetBytes(frame), CancellationToken.None).AsTask();

    public Task CloseAsync() => channel.CloseAsync(CancellationToken.None).AsTask();
}

/// <summary>A frame as the CSMS saw it, copied out of the channel's buffer.</summary>
internal sealed record ReceivedFrame(string Text, OcppMessageType Type, string MessageId, string? Action, string Payload, string? ErrorCode, string? ErrorDescription)
{
    public static ReceivedFrame Read(ReadOnlyMemory<byte> bytes)
    {
        string text = Encoding.UTF8.GetString(bytes.Span);
        Assert.True(OcppFrameReader.TryParse(bytes, out var frame, out var error), $"The station sent a broken frame ({error.Description}): {text}");
        return new ReceivedFrame(text, frame.MessageType, frame.MessageId, frame.Action, Encoding.UTF8.GetString(frame.Payload.Span), frame.ErrorCode, frame.ErrorDescription);
    }
}
