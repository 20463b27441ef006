using System;
using System.IO;
using System.Text;
using Wit;
using Wit.Cli;

// The only place that touches the console: everything else writes to the writers it is given.
//
// Standard output is buffered (64 KB) and written when full, before anything goes to standard error and at the end:
// the console's own writer flushes every write through a 256-character buffer, which made the 25,000 notes of a lint
// of a 100,000-line file 75,000 write calls and a sixth of the run. A program that `wit run` runs still has each of
// its writes passed on at once (TextWriterStream flushes).
//
// Both streams are written in the terminal's encoding without a byte order mark, as Console.Error writes; UTF-8 is
// known from the locale's variables without asking the console (LocaleCharset).
var encoding = LocaleCharset.IsUtf8() || Console.OutputEncoding.CodePage == 65001 ? new UTF8Encoding(false) : Console.OutputEncoding;
using var output = new StreamWriter(StandardStream.Output(), encoding, 64 * 1024) { AutoFlush = false };
var error = new FlushingErrorWriter(new StreamWriter(StandardStream.Error(), encoding, 256) { AutoFlush = true }, output);
try
{
    // Standard input is opened (a descriptor duplicated, the terminal asked about) only for the command that reads it.
    return WitCommandLine.Run(args, output, error, Environment.CurrentDirectory, args.Length > 0 && args[0] == RunCommand.Name ? Console.OpenStandardInput() : null);
}
finally
{
    output.Flush();
}
