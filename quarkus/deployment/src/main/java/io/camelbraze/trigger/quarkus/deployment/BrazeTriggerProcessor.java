/*
 * Copyright 2026 The camel-braze-trigger authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelbraze.trigger.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.jboss.jandex.ClassInfo;

/**
 * Build steps of the braze-trigger extension. In JVM mode Camel Quarkus finds the component through its service files once
 * the component's jar is in the index; the reflection and resource registrations are what a native image needs on top.
 */
class BrazeTriggerProcessor {

    static final String FEATURE = "camel-braze-trigger";

    /** The typed request model, which Jackson reads and writes through its records' accessors and annotations. */
    static final String MODEL_PACKAGE = "io.camelbraze.trigger.model";

    /** Resources the component or tooling read at run time: the component descriptor and the Kamelets. */
    static final List<String> RESOURCES = List.of(
            "META-INF/io/camelbraze/trigger/braze-trigger.json",
            "kamelets/braze-canvas-sink.kamelet.yaml",
            "kamelets/braze-campaign-sink.kamelet.yaml");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** Indexes the component even when its jar carries no Jandex index, so Camel Quarkus discovers it at build time. */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("io.camelbraze", "camel-braze-trigger");
    }

    @BuildStep
    ReflectiveClassBuildItem modelForJackson(CombinedIndexBuildItem combinedIndex) {
        String[] classes = combinedIndex.getIndex().getKnownClasses().stream()
                .map(ClassInfo::name)
                .filter(name -> MODEL_PACKAGE.equals(name.packagePrefix()))
                .map(Object::toString)
                .sorted()
                .toArray(String[]::new);
        return ReflectiveClassBuildItem.builder(classes).constructors().methods().fields().build();
    }

    @BuildStep
    NativeImageResourceBuildItem resources() {
        return new NativeImageResourceBuildItem(RESOURCES);
    }
}
