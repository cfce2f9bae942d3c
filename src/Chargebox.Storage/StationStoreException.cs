namespace Chargebox.Storage;

/// <summary>The station's storage cannot be opened or used for a reason the user can fix (an unwritable
/// data directory, a damaged database file, a file written by a newer Chargebox). The message is one line
/// that names the file or directory and what to do; the cause, if any, is the inner exception.</summary>
public sealed class StationStoreException : Exception
{
    public StationStoreException(string message)
        : base(message)
    {
    }

    public StationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
