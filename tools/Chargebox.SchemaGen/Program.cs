// Placeholder entry point; the generator is written in the protocol-generation work.
return 0;
