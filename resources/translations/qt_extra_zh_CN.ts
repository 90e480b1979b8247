<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt texts that Qt's own qtbase_zh_CN.qm leaves in English (Qt 6 file dialog); loaded after it. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>查找范围(&amp;L)：</translation></message>
    <message><source>Files of &amp;type:</source><translation>文件类型(&amp;T)：</translation></message>
    <message><source>File name:</source><translation>文件名：</translation></message>
    <message><source>Cancel</source><translation>取消</translation></message>
    <message><source>Computer</source><translation>计算机</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Drive</source><translation>驱动器</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>驱动器</translation></message>
    <message><source>File Folder</source><translation>文件夹</translation></message>
    <message><source>Folder</source><translation>文件夹</translation></message>
    <message><source>Directory</source><translation>目录</translation></message>
    <message><source>Shortcut</source><translation>快捷方式</translation></message>
    <message><source>Alias</source><translation>替身</translation></message>
    <message><source>Unknown</source><translation>未知</translation></message>
    <message><source>File</source><translation>文件</translation></message>
</context>
</TS>
