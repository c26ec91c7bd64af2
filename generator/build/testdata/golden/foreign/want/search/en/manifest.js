(window.KBSearchData=window.KBSearchData||[]).push(["en/manifest.js",{"v":1,"lang":"en","n":3,"s":[""],"h":["177f0088"],"r":"f109420f","p":[],"y":[["How-to guide","how-to","a1cbe290"]]}]);
