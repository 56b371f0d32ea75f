<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source>Fits best: {title} — {matched} of %n local step(s) have a counterpart</source>
        <translation>
            <numerusform>Fits best: {title} — {matched} of %n local step has a counterpart</numerusform>
            <numerusform>Fits best: {title} — {matched} of %n local steps have a counterpart</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message numerus="yes">
        <source>%n decision(s) no longer fit a current change. They are listed under “Decisions that cannot be placed” and kept in the comparison file.</source>
        <translation>
            <numerusform>%n decision no longer fits a current change. It is listed under “Decisions that cannot be placed” and kept in the comparison file.</numerusform>
            <numerusform>%n decisions no longer fit a current change. They are listed under “Decisions that cannot be placed” and kept in the comparison file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s) name a step that no longer exists; they are kept but not applied.</source>
        <translation>
            <numerusform>%n link names a step that no longer exists; it is kept but not applied.</numerusform>
            <numerusform>%n links name steps that no longer exist; they are kept but not applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagramExportDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DurationEdit</name>
    <message numerus="yes">
        <source>minute(s)</source>
        <translation>
            <numerusform>minute</numerusform>
            <numerusform>minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>hour(s)</source>
        <translation>
            <numerusform>hour</numerusform>
            <numerusform>hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n import issue(s)</source>
        <translation>
            <numerusform>%n import issue</numerusform>
            <numerusform>%n import issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message numerus="yes">
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Problems (%n)</numerusform>
            <numerusform>Problems (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
