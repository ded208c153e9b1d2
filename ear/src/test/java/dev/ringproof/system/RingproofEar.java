package dev.ringproof.system;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR as the build made it, for system tests that deploy it unchanged. */
final class RingproofEar {

    private RingproofEar() {}

    static EnterpriseArchive asBuilt() {
        var ear = new File(System.getProperty("ringproof.ear", "target/ringproof.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("build the EAR first: " + ear.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "ringproof.ear")
                .importFrom(ear)
                .as(EnterpriseArchive.class);
    }
}
