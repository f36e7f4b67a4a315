using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AgentTasks.Core.Http;

/// <summary>Reads an answer's body as the UTF-8 bytes that came.</summary>
internal delegate T BodyParser<out T>(ReadOnlySpan<byte> utf8);

/// <summary>
/// The bytes of one answer's body in a buffer lent by <see cref="ArrayPool{T}"/>, given back on Dispose. A listing
/// reads a page of about 60 KiB a hundred times for 10,000 tasks: a new array (and a MemoryStream's) for each was
/// the larger part of what the listing allocated, and of the work of the garbage collector. Only a body the response
/// cache keeps is copied (<see cref="ToArray"/>).
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    // Below the large-object heap's threshold: the first rent of an unknown length leaves nothing there.
    private const int FirstBufferSize = 16 * 1024;
    private byte[] buffer;

    private ResponseBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => new(buffer, 0, Length);

    public byte[] ToArray() => Span.ToArray();

    public string Text() => Encoding.UTF8.GetString(buffer, 0, Length);

    public void Dispose()
    {
        var lent = Interlocked.Exchange(ref buffer, Array.Empty<byte>());
        if (lent.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(lent);
        }
    }

    /// <summary>Reads the stream to its end. <paramref name="lengthHint"/> (Content-Length) sizes the first buffer;
    /// it is only a hint, since with gzip it counts the compressed bytes.</summary>
    public static async Task<ResponseBody> ReadAsync(Stream stream, long? lengthHint, CancellationToken cancellationToken)
    {
        var size = lengthHint is > 0 and < int.MaxValue ? (int)lengthHint.Value + 1 : FirstBufferSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ResponseBody(buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
