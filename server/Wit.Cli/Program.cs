System.Console.WriteLine("wit");
