"""Live interviews: engine service, gateway, role tokens, TLS, the kernels' client."""
