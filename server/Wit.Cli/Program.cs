using System;
using Wit.Cli;

// The only place that touches the console: everything else writes to the writers it is given.
return WitCommandLine.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory, Console.OpenStandardInput());
