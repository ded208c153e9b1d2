package dev.ringproof.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("")
public class BaselineApplication extends Application {}
