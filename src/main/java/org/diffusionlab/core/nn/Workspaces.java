package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-thread ND4J workspaces for one forward/backward pass. Allocating outside a workspace costs ~2 ms per
 * 4 MB here (fresh pages every time), which dominated a whole U-Net step; inside a workspace that has learnt
 * its size on the first pass, an activation costs a pointer bump. Arrays created inside are valid until the
 * workspace closes: whatever must outlive it is {@code detach()}ed. Use one id per batch shape.
 */
public final class Workspaces {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.1)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }

    public static MemoryWorkspace open(String id) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }
}
